#!/usr/bin/env node
// Writes docs/reference.md from custom-elements.json: every element's attributes, properties, events,
// slots, parts and CSS custom properties, with their descriptions. `npm run docs` regenerates it;
// `npm run docs -- --check` fails when the committed file is stale (CI runs that after `analyze`).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const target = 'docs/reference.md';

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');
const typeOf = (item) => code(item.type?.text);

function table(headers, rows) {
  if (rows.length === 0) return '';
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ].join('\n');
}

function section(title, headers, rows) {
  return rows.length ? `#### ${title}\n\n${table(headers, rows)}` : null;
}

const elements = manifest.modules
  .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ module, declaration })))
  .filter(({ declaration }) => declaration.customElement && declaration.tagName)
  .sort((a, b) => a.declaration.tagName.localeCompare(b.declaration.tagName));

const parts = [
  '# Element reference',
  '',
  'Generated from `custom-elements.json` by `npm run docs`; do not edit by hand.',
  'Tokens are CSS custom properties a host may set on any ancestor; parts are styled with',
  '`::part(name)`; renaming either is a breaking change.',
  '',
];

for (const { module, declaration: d } of elements) {
  const publicMembers = (d.members ?? []).filter(
    (m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && !m.name.startsWith('#'),
  );
  parts.push(`## \`<${d.tagName}>\``, '');
  if (d.summary) parts.push(cell(d.summary), '');
  parts.push(`Class \`${d.name}\` in \`${module.path}\`; registered by \`define/${d.tagName}.js\`.`, '');
  parts.push(
    section('Attributes', ['attribute', 'property', 'type', 'description'],
      (d.attributes ?? []).map((a) => [code(a.name), code(a.fieldName), typeOf(a), cell(a.description)])),
    section('Properties', ['property', 'type', 'default', 'description'],
      publicMembers.map((m) => [code(m.name), typeOf(m), code(m.default), cell(m.description)])),
    section('Events', ['event', 'type', 'description'],
      (d.events ?? []).map((e) => [code(e.name), typeOf(e), cell(e.description)])),
    section('Slots', ['slot', 'description'],
      (d.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])),
    section('Parts', ['part', 'description'], (d.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])),
    section('CSS custom properties', ['property', 'default', 'description'],
      (d.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)])),
  );
}

// The adapter's capability flags, read from their interface so that the reference follows the code,
// and the reasons an element shows, from the English table.
const capabilitiesSource = readFileSync('src/adapter/capabilities.ts', 'utf8');
const capabilitiesBody = /export interface BackendCapabilities \{([\s\S]*?)\n\}/.exec(capabilitiesSource)?.[1] ?? '';
const flags = [...capabilitiesBody.matchAll(/\/\*\*([\s\S]*?)\*\/\s*(\w+): ([^;]+);/g)]
  .map(([, doc, name, type]) => [code(name), code(type), cell(doc.replace(/^\s*\*\s?/gm, ''))]);
const reasons = [...readFileSync('src/i18n/en/base.ts', 'utf8').matchAll(/'(capability\.\w+)':\s*'([^']*)'/g)].map(([, key, text]) => [code(key), cell(text)]);
parts.push(
  '## Backend capabilities',
  '',
  'An adapter\'s `capabilities` (`BackendCapabilities`, `src/adapter/capabilities.ts`) say what its backend',
  'can do; one without them is taken as full. `canDo(capabilities, action)` answers for `add`, `updateStatus`,',
  '`deleteAll`, `deleteLine`, `viewHistory` and `editNote`, with a reason or a note from the translation table.',
  'The presets\' values are in docs/presets.md.',
  '',
  section('Flags', ['flag', 'type', 'meaning'], flags),
  section('Reasons and notes', ['key', 'English'], reasons),
);

const text = `${parts.filter((p) => p !== null).join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error(`${target} is stale: run 'npm run analyze && npm run docs' and commit it.`);
    process.exit(1);
  }
  console.log(`${target} is up to date (${elements.length} elements).`);
} else {
  mkdirSync('docs', { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${target} (${elements.length} elements)`);
}
