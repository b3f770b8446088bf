// Reading the CSV export in tests: RFC 4180, quoted cells with doubled quotes and line breaks inside.
import assert from 'node:assert/strict';

/** The records of a CSV text whose records end with CRLF (asserted: the last one too). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  assert.equal(cell + row.join(''), '', 'the file ends with CRLF');
  return rows;
}
