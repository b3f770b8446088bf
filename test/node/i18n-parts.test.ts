/**
 * The English table in parts (src/i18n/en/, made by scripts/split-en.mjs): each element carries only
 * the parts it shows. No key is lost: `en` (their union) has exactly the German table's keys, each
 * key sits in exactly one part, the part its prefix names; and a recipient-side element's bundle holds
 * none of the campaign side's strings, nor the whole table.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { PARTS, partOf } from '../../scripts/split-en.mjs';
import { en } from '../../src/i18n/en.js';
import { de } from '../../src/i18n/de.js';
import { enBase } from '../../src/i18n/en/base.js';
import { enTab } from '../../src/i18n/en/tab.js';
import { enDialog } from '../../src/i18n/en/dialog.js';
import { enHistory } from '../../src/i18n/en/history.js';
import { enBulk } from '../../src/i18n/en/bulk.js';
import { enCampaign } from '../../src/i18n/en/campaign.js';
import { enVocabulary } from '../../src/i18n/en/vocabulary.js';
import { enSync } from '../../src/i18n/en/sync.js';

const ROOT = resolve(import.meta.dirname, '../..');
const parts: Record<string, Record<string, string>> = { base: enBase, sync: enSync, vocabulary: enVocabulary, tab: enTab, dialog: enDialog, history: enHistory, bulk: enBulk, campaign: enCampaign };

describe('the English table in parts', () => {
  test('every part of scripts/split-en.mjs is here', () => {
    assert.deepEqual(Object.keys(parts).sort(), Object.keys(PARTS).sort());
  });

  test('each German part has exactly the keys of its English part, and de is their union', async () => {
    const union: Record<string, string> = {};
    for (const [id, part] of Object.entries(parts)) {
      const name = `de${id[0].toUpperCase()}${id.slice(1)}`;
      const german = ((await import(`../../src/i18n/de/${id}.js`)) as Record<string, Record<string, string>>)[name];
      assert.deepEqual(Object.keys(german).sort(), Object.keys(part).sort(), `src/i18n/de/${id}.ts`);
      Object.assign(union, german);
    }
    assert.deepEqual(union, { ...de });
  });

  test('the union has exactly the keys of the German table', () => {
    assert.deepEqual(Object.keys(en).sort(), Object.keys(de).sort());
  });

  test('each key is in exactly one part, the one its prefix names, with the text of the union', () => {
    for (const [key, text] of Object.entries(en)) {
      const holders = Object.entries(parts).filter(([, part]) => Object.hasOwn(part, key)).map(([id]) => id);
      assert.deepEqual(holders, [partOf(key)], `${key} is in ${holders.join(', ') || 'no part'}`);
      assert.equal(parts[holders[0]][key], text);
    }
  });

  test("an element's bundle holds its own parts: no campaign strings in the tab, no tab strings in the statistics", async () => {
    const tsconfigRaw = { compilerOptions: JSON.parse(readFileSync(resolve(ROOT, 'tsconfig.json'), 'utf8')).compilerOptions };
    const inputsOf = async (entry: string) => {
      const result = await build({ entryPoints: [resolve(ROOT, entry)], bundle: true, format: 'esm', packages: 'external', write: false, metafile: true, outdir: resolve(ROOT, 'bench-results/i18n-parts'), absWorkingDir: ROOT, tsconfigRaw, logLevel: 'error' });
      return Object.values(result.metafile.outputs).flatMap((output) => Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([file]) => file));
    };
    const tab = await inputsOf('src/define/campaign-responses-tab.ts');
    for (const absent of ['src/i18n/en.ts', 'src/i18n/en/campaign.ts', 'src/i18n/en/sync.ts']) assert.ok(!tab.includes(absent), `define/campaign-responses-tab includes ${absent}`);
    for (const present of ['src/i18n/en/base.ts', 'src/i18n/en/tab.ts']) assert.ok(tab.includes(present), `define/campaign-responses-tab lacks ${present}`);
    // Why a tracked line looks like a machine: only the reports show it, so not in the base every element carries.
    assert.deepEqual(Object.keys(enBase).filter((key) => key.startsWith('machine.')), []);
    const stats = await inputsOf('src/define/campaign-stats-panel.ts');
    for (const absent of ['src/i18n/en.ts', 'src/i18n/en/tab.ts', 'src/i18n/en/dialog.ts', 'src/i18n/en/history.ts']) assert.ok(!stats.includes(absent), `define/campaign-stats-panel includes ${absent}`);
    assert.ok(stats.includes('src/i18n/en/campaign.ts'));
  });
});
