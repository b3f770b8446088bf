#!/usr/bin/env node
// Splits the English table into one part per element family, so that each element carries only its
// own strings (src/i18n/en/<part>.ts), and rewrites src/i18n/en.ts as their union (the public `en`,
// `MessageKey`, `Messages`). Run it on a src/i18n/en.ts that holds the entries themselves (the one
// table of before, or one that a merge brought back with new keys): `node scripts/split-en.mjs`.
// It checks that the union it wrote has every key of the table it read with the same text, and
// fails otherwise, or when a key's prefix has no part (add the prefix to PARTS below).
// Run on an en.ts that is already the union, it changes nothing.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EN = join(root, 'src/i18n/en.ts');
const PARTS_DIR = join(root, 'src/i18n/en');

/** Each part: its export, what it is for, and the key prefixes (before the first dot) it holds. */
export const PARTS = {
  base: {
    name: 'enBase',
    about: 'what every element may show: states, errors and their causes, what the backend cannot do, offline and sync marks',
    prefixes: ['state', 'error', 'capability', 'offline', 'restore'],
  },
  sync: { name: 'enSync', about: '<campaign-sync-status>: the outbox\'s status and its problems', prefixes: ['sync'] },
  // Needed only under another language, to tell the built-in labels from a backend's own: loaded
  // with the first other language (translate.ts), not carried by any element.
  vocabulary: { name: 'enVocabulary', about: 'the built-in response vocabulary (categories and details)', prefixes: ['vocabulary'] },
  tab: { name: 'enTab', about: '<campaign-responses-tab>: the table, Delete and Undo', prefixes: ['tab', 'delete'] },
  dialog: { name: 'enDialog', about: '<add-response-dialog>: the form and its validation', prefixes: ['dialog', 'validation'] },
  history: { name: 'enHistory', about: '<response-history>', prefixes: ['history'] },
  bulk: { name: 'enBulk', about: '<bulk-response-entry>: many recipients at once', prefixes: ['bulk'] },
  // `machine`: why a tracked line looks like a machine, shown only by the two reports.
  campaign: { name: 'enCampaign', about: 'the campaign side: statistics, the response report, the click report', prefixes: ['stats', 'report', 'clicks', 'machine'] },
};

/**
 * Keys used outside their prefix's element, by key or by a prefix ending in a dot: in the part of
 * every element that shows them.
 */
export const KEY_PARTS = {
  // The × of the dialog, also the close button of the tab's Delete notice.
  'dialog.close': 'base',
  // The mark of a line not yet confirmed by the server (components/base/sync-mark.ts), in the tab and
  // the history as in the sync status.
  'sync.state.': 'base',
  'sync.reason': 'base',
  'sync.noReason': 'base',
  'sync.retry': 'base',
  'sync.retryFor': 'base',
  'sync.lineHint': 'base',
  // An operation the outbox gave up on as too old: the line's mark says so where the line is shown.
  'sync.expired': 'base',
};

export function partOf(key) {
  if (key in KEY_PARTS) return KEY_PARTS[key];
  const byPrefix = Object.keys(KEY_PARTS).find((prefix) => prefix.endsWith('.') && key.startsWith(prefix));
  if (byPrefix) return KEY_PARTS[byPrefix];
  const prefix = key.split('.')[0];
  return Object.entries(PARTS).find(([, part]) => part.prefixes.includes(prefix))?.[0];
}

/** The `en` object of a TypeScript module's text (its imports resolved from src/i18n/). */
async function evaluate(source) {
  const result = await build({
    stdin: { contents: source, loader: 'ts', resolveDir: join(root, 'src/i18n'), sourcefile: 'en.ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'error',
  });
  const module = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
  return module.en;
}

const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

function partSource(id, entries) {
  const { name, about } = PARTS[id];
  const lines = entries.map(([key, text]) => {
    const line = `  ${quote(key)}: ${quote(text)},`;
    return line.length <= 110 ? line : `  ${quote(key)}:\n    ${quote(text)},`;
  });
  return `/**\n * English strings of ${about}.\n * Elements register the parts they show (\`registerEnglish()\`); \`../en.ts\` is their union. Add a key\n * beside its element's keys, and to the German table.\n */\nexport const ${name} = {\n${lines.join('\n')}\n} satisfies Record<string, string>;\n`;
}

const UNION = (ids) => `/**
 * The English strings of the kit: every user-visible text of every element, the union of the parts in
 * \`./en/\` (one per element family: an element carries only the parts it shows, see
 * \`registerEnglish()\`). \`{name}\` marks a parameter that \`t()\` fills in. Another language is a
 * \`Messages\` object registered with \`registerTranslation()\` (\`satisfies Messages\` makes TypeScript
 * insist on every key). The \`vocabulary.*\` keys are the built-in response vocabulary's labels: an
 * element shows a language's label for a built-in category or detail when the backend sent exactly the
 * English one.
 */
${ids.map((id) => `import { ${PARTS[id].name} } from './en/${id}.js';`).join('\n')}

export const en = { ${ids.map((id) => `...${PARTS[id].name}`).join(', ')} };

export type MessageKey = keyof typeof en;

/** A complete translation: every key of the English table. */
export type Messages = Record<MessageKey, string>;
`;

async function main() {
  const source = readFileSync(EN, 'utf8');
  if (!/export const en = \{\s*'/.test(source)) {
    console.log('src/i18n/en.ts is already the union of its parts: nothing to split.');
    return;
  }
  const table = await evaluate(source);
  const byPart = new Map(Object.keys(PARTS).map((id) => [id, []]));
  const homeless = [];
  for (const [key, text] of Object.entries(table)) {
    const id = partOf(key);
    if (id) byPart.get(id).push([key, text]);
    else homeless.push(key);
  }
  if (homeless.length) throw new Error(`keys whose prefix has no part (add it to PARTS in scripts/split-en.mjs): ${homeless.join(', ')}`);
  mkdirSync(PARTS_DIR, { recursive: true });
  for (const [id, entries] of byPart) writeFileSync(join(PARTS_DIR, `${id}.ts`), partSource(id, entries));
  const union = UNION([...byPart.keys()]);
  writeFileSync(EN, union);
  const rebuilt = await evaluate(union);
  if (!isDeepStrictEqual({ ...rebuilt }, { ...table })) {
    writeFileSync(EN, source);
    throw new Error('the union of the parts differs from the table read: src/i18n/en.ts restored');
  }
  console.log(`src/i18n/en.ts: ${Object.keys(table).length} keys in ${byPart.size} parts (${[...byPart].map(([id, e]) => `${id} ${e.length}`).join(', ')}), every key with its text.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
