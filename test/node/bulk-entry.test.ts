/** The pure side of bulk response entry: pasted lists, Excel's CSV files, matching, duplicates, slicing. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RecipientDirectory,
  buildPreview,
  countPreview,
  decodeFileBytes,
  detectEncoding,
  forEachSliced,
  hasHeaderRow,
  keyColumns,
  parseCsv,
  parsePastedKeys,
  rowsFromColumn,
} from '../../src/bulk/index.js';
import type { Recipient } from '../../src/model/types.js';

const people: Recipient[] = [
  { id: '42', displayName: 'Maya Thompson', email: 'maya.thompson@northwind.example', timeZone: 'America/New_York' },
  { id: '43', displayName: 'Jonas Weber', email: 'j.weber@kraftwerk.example', timeZone: 'Europe/Berlin' },
  { id: '44', displayName: 'Jonas Weber', email: 'jonas@other.example', timeZone: 'Europe/Vienna' },
  { id: '48', displayName: 'Élodie Martin', email: 'elodie.martin@atelier.example', timeZone: 'Europe/Paris' },
  { id: '50', displayName: 'Müller', email: null, timeZone: 'Europe/Berlin' },
];

/** Windows-1252 bytes of `text` (Latin-1 range only, which is all these tests need). */
const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('pasted lists', () => {
  test('one key per line: emails (lower-cased, also inside "Name <address>"), ids and names; blank lines dropped', () => {
    const rows = parsePastedKeys('Maya.Thompson@Northwind.example\r\n\n  42 \nJonas   Weber\nMaya <maya.thompson@northwind.example>\n');
    assert.deepEqual(
      rows.map((r) => [r.index, r.kind, r.key]),
      [
        [0, 'email', 'maya.thompson@northwind.example'],
        [1, 'id', '42'],
        [2, 'name', 'Jonas Weber'],
        [3, 'email', 'maya.thompson@northwind.example'],
      ],
    );
  });
});

describe("Excel's CSV", () => {
  test('Windows-1252 without a byte-order mark reads as Windows-1252', () => {
    const bytes = cp1252('Name;E-Mail\nMüller;m\xfcller@example.de\n');
    assert.equal(detectEncoding(bytes), 'windows-1252');
    assert.equal(decodeFileBytes(bytes), 'Name;E-Mail\nMüller;müller@example.de\n');
  });

  test('a UTF-8 byte-order mark is honoured and dropped; plain UTF-8 stays UTF-8', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('E-Mail\nélodie@x.example\n')]);
    assert.equal(decodeFileBytes(withBom), 'E-Mail\nélodie@x.example\n');
    assert.equal(detectEncoding(new TextEncoder().encode('Zoë')), 'utf-8');
  });

  test('";" separated, quoted cells with the separator inside; the email column found by its cells', () => {
    const table = parseCsv('Nachname;Kontakt;Notiz\r\n"Weber; J.";j.weber@kraftwerk.example;x\r\nMartin;elodie.martin@atelier.example;\r\n');
    assert.equal(table.delimiter, ';');
    assert.equal(table.rows[1][0], 'Weber; J.');
    assert.equal(hasHeaderRow(table), true);
    const [best] = keyColumns(table);
    assert.deepEqual(best, { index: 1, kind: 'email', header: 'Kontakt' });
    assert.deepEqual(rowsFromColumn(table, best).map((r) => r.key), ['j.weber@kraftwerk.example', 'elodie.martin@atelier.example']);
  });

  test('an id column named so is offered first where there is no email column; no header row when none is named', () => {
    const table = parseCsv('Kunden-ID,Firma\n42,Northwind\n43,Kraftwerk\n');
    assert.deepEqual(keyColumns(table)[0], { index: 0, kind: 'id', header: 'Kunden-ID' });
    assert.deepEqual(rowsFromColumn(table, keyColumns(table)[0]).map((r) => [r.kind, r.key]), [['id', '42'], ['id', '43']]);
    assert.equal(hasHeaderRow(parseCsv('42,Northwind\n43,Kraftwerk\n')), false);
  });
});

describe('matching and duplicates', () => {
  const directory = new RecipientDirectory(people);

  test('matched by email, id or name (any case, spacing); ambiguous names list the choices; unknown keys not found', () => {
    const rows = parsePastedKeys('J.WEBER@kraftwerk.example\n42\nélodie  MARTIN\nJonas Weber\nnobody@example.com\n99\nMüller');
    const matches = rows.map((row) => directory.match(row));
    assert.deepEqual(matches.map((m) => (m.status === 'matched' ? m.recipient.id : m.status)), ['43', '42', '48', 'ambiguous', 'not-found', 'not-found', '50']);
    const ambiguous = matches[3];
    assert.ok(ambiguous.status === 'ambiguous');
    assert.deepEqual(ambiguous.choices.map((r) => r.id), ['43', '44']);
  });

  test('each duplicate reason, left out by default; a row put back stays in', () => {
    const rows = parsePastedKeys('42\nmaya.thompson@northwind.example\n43\n48\nnobody@example.com');
    const matches = rows.map((row) => directory.match(row));
    const existing = new Map([['42', 'no'], ['43', 'yes']] as const);
    const preview = buildPreview(rows, matches, existing);
    assert.deepEqual(preview.map((r) => [r.duplicate, r.included]), [
      [undefined, true],
      ['repeated', false],
      ['existing', false],
      ['unchecked', false],
      [undefined, false],
    ]);
    assert.deepEqual(countPreview(preview), { total: 5, matched: 4, notFound: 1, ambiguous: 0, duplicates: 3, included: 1 });
    const kept = buildPreview(rows, matches, existing, new Set([3]));
    assert.equal(kept[3].included, true);
  });
});

describe('slicing', () => {
  test('yields once a slice has run its time, and reports progress to the end', async () => {
    let clock = 0;
    const progress: number[] = [];
    const seen: number[] = [];
    await forEachSliced(Array.from({ length: 100 }, (_, i) => i), (item) => {
      seen.push(item);
      clock += 1;
    }, { sliceMs: 32, now: () => clock, onProgress: (done) => progress.push(done) });
    assert.equal(seen.length, 100);
    assert.deepEqual(progress, [32, 64, 96, 100]);
  });

  test('an aborted signal stops it between slices', async () => {
    const controller = new AbortController();
    let clock = 0;
    const run = forEachSliced(Array.from({ length: 1000 }, (_, i) => i), () => {
      clock += 1;
      if (clock === 20) controller.abort();
    }, { sliceMs: 16, now: () => clock, signal: controller.signal });
    await assert.rejects(run, { name: 'AbortError' });
  });
});
