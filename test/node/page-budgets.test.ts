/**
 * The bench's per-page sizes (bench/node/page-budgets.ts) start from the page's own entry: a page
 * whose lazy chunks have entry points of their own (the dialog, the history, bulk entry's parsers)
 * is measured from its entry, not from whichever chunk's name sorts first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { measurePage } from '../../bench/node/page-budgets.js';

const ROOT = resolve(import.meta.dirname, '../..');
const tsconfigRaw = { compilerOptions: JSON.parse(readFileSync(resolve(ROOT, 'tsconfig.json'), 'utf8')).compilerOptions };

for (const entry of ['src/bundle.ts', 'src/define/campaign-responses-tab.ts']) {
  test(`${entry}: the first paint holds the entry's own output, and everything holds the first paint`, async () => {
    const page = await measurePage(entry, { root: ROOT, tsconfigRaw, plugins: [] });
    const own = page.staticChunks.filter((out) => page.metafile.outputs[out].entryPoint === entry);
    assert.equal(own.length, 1, `first paint: ${page.staticChunks.join(', ')}`);
    assert.ok(page.lazyChunks.length > 0 && page.everything > page.firstPaint);
  });
}
