// The vendors' vocabularies map both ways, keep unknown codes, and match the table in docs/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_DETAILS } from '../../src/model/vocabulary.js';
import { DATAVERSE_CHANNELS, EXTRA_DETAILS, VENDOR_VOCABULARIES, categoryLabel } from '../../src/presets/vocabularies.js';

const known = new Set([...DEFAULT_DETAILS, ...EXTRA_DETAILS].map((d) => d.id));
const docs = readFileSync('docs/vocabularies.md', 'utf8');

for (const vocabulary of VENDOR_VOCABULARIES) {
  test(`${vocabulary.vendor}: every code maps to a known detail and back; the docs list it`, () => {
    for (const pair of vocabulary.pairs) {
      assert.ok(known.has(pair.detailId), `${pair.detailId} is a detail of the kit`);
      const detailId = vocabulary.map.toKit(pair.code);
      assert.equal([...DEFAULT_DETAILS, ...EXTRA_DETAILS].find((d) => d.id === detailId)?.categoryId, pair.categoryId);
      // Back to the first code listed for that detail.
      assert.equal(vocabulary.map.toServer(detailId), vocabulary.pairs.find((p) => p.detailId === detailId)?.code);
      const row = `| \`${pair.code}\` | ${pair.label} | ${categoryLabel(pair.categoryId)} (\`${pair.categoryId}\`) | \`${pair.detailId}\` |`;
      assert.ok(docs.includes(row), `docs/vocabularies.md lists: ${row}`);
    }
    const unknown = vocabulary.map.toKit(typeof vocabulary.pairs[0].code === 'number' ? 999 : 'Something New');
    assert.equal(vocabulary.map.toServer(unknown), typeof vocabulary.pairs[0].code === 'number' ? 999 : 'Something New');
  });
}

test('Dataverse channels both ways, and in the docs', () => {
  for (const pair of DATAVERSE_CHANNELS.pairs) {
    assert.equal(DATAVERSE_CHANNELS.toKit(pair.code), pair.channel);
    assert.ok(docs.includes(`| \`${pair.code}\` | ${pair.label} | \`${pair.channel}\` |`));
  }
  assert.equal(DATAVERSE_CHANNELS.toServer('email'), 1);
  assert.equal(DATAVERSE_CHANNELS.toServer('other'), 6, 'Fax and Others fold into other, which goes back as Others');
  assert.equal(DATAVERSE_CHANNELS.toServer('integration'), 6);
});
