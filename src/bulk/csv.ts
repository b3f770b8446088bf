/**
 * An imported CSV file as a table, and which of its columns holds the recipients. Parsing is Papa
 * Parse's (quotes, line breaks inside cells, the separator guessed among `,` `;` tab `|`): Excel
 * writes `;` where the decimal mark is a comma, and a hand-written splitter gets quoted cells wrong.
 */
import * as PapaModule from 'papaparse';
import { kindOf, rowOf, type BulkRow, type KeyKind } from './rows.js';

// Papa Parse is a CommonJS (UMD) module: bundlers give its exports as named ones, Node's ESM loader
// only as `default`. Either way this is the module object.
const Papa: typeof PapaModule = (PapaModule as { default?: typeof PapaModule }).default ?? PapaModule;

export interface CsvTable {
  /** Every non-empty row, the header (if any) included, cells as text. */
  rows: string[][];
  /** The separator found. */
  delimiter: string;
}

/** A column that may hold the recipients, and what it holds. */
export interface KeyColumn {
  index: number;
  kind: KeyKind;
  /** The header cell, or undefined when the file has none. */
  header: string | undefined;
}

/** Parses CSV text (see `decodeFileBytes` for the file's bytes). */
export function parseCsv(text: string): CsvTable {
  const result = Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
  });
  return { rows: result.data.map((row) => row.map((cell) => cell.trim())), delimiter: result.meta.delimiter };
}

// Header names in the languages of the kit, lower-cased and without spaces, dashes or underscores.
const EMAIL_HEADERS = new Set(['email', 'mail', 'emailaddress', 'mailaddress', 'emailadresse', 'mailadresse']);
const ID_HEADERS = new Set(['id', 'recipientid', 'recipient', 'contactid', 'leadid', 'customerid', 'empfängerid', 'kontaktid', 'kundenid', 'kundennummer']);
const NAME_HEADERS = new Set(['name', 'fullname', 'displayname', 'contact', 'kontakt', 'vollständigername']);

const normalized = (cell: string) => cell.toLowerCase().replace(/[\s_.-]+/gu, '');

function headerKind(cell: string): KeyKind | undefined {
  const name = normalized(cell);
  if (EMAIL_HEADERS.has(name)) return 'email';
  if (ID_HEADERS.has(name)) return 'id';
  if (NAME_HEADERS.has(name)) return 'name';
  return undefined;
}

/** Whether the first row names the columns: a known header name, or no address where the rows below have one. */
export function hasHeaderRow(table: CsvTable): boolean {
  const [first, ...rest] = table.rows;
  if (!first || rest.length === 0) return false;
  if (first.some((cell) => headerKind(cell) !== undefined)) return true;
  return first.every((cell, column) => kindOf(cell) !== 'email' && rest.slice(0, 20).some((row) => kindOf(row[column] ?? '') === 'email'));
}

/**
 * The columns that may hold the recipients, the likeliest first: a column of email addresses, a
 * column named like an id, email or name, then any column. The person confirms the first or picks another.
 */
export function keyColumns(table: CsvTable): KeyColumn[] {
  const header = hasHeaderRow(table) ? table.rows[0] : undefined;
  const body = header ? table.rows.slice(1) : table.rows;
  const width = Math.max(0, ...table.rows.map((row) => row.length));
  const sample = body.slice(0, 200);
  const scored = Array.from({ length: width }, (_, index) => {
    const cells = sample.map((row) => row[index] ?? '').filter(Boolean);
    const emails = cells.filter((cell) => kindOf(cell) === 'email').length;
    const named = header ? headerKind(header[index] ?? '') : undefined;
    const kind: KeyKind = cells.length > 0 && emails / cells.length >= 0.5 ? 'email' : named ?? (cells.every((c) => kindOf(c) === 'id') ? 'id' : 'name');
    // Email beats id beats name; a header that says so beats a guess; an empty column comes last.
    const score = (kind === 'email' ? 30 : kind === 'id' ? 20 : 10) + (named ? 5 : 0) + (cells.length > 0 ? 100 : 0);
    return { column: { index, kind, header: header?.[index] }, score };
  });
  return scored.sort((a, b) => b.score - a.score || a.column.index - b.column.index).map(({ column }) => column);
}

/** The rows of the chosen column, its kind as the person confirmed it (an email cell is always an email). */
export function rowsFromColumn(table: CsvTable, column: KeyColumn, withHeader = hasHeaderRow(table)): BulkRow[] {
  const rows: BulkRow[] = [];
  for (const cells of withHeader ? table.rows.slice(1) : table.rows) {
    const row = rowOf(cells[column.index] ?? '', rows.length);
    if (!row) continue;
    // A column confirmed as ids holds ids even where one contains a space.
    rows.push(row.kind === 'email' || column.kind === 'email' ? row : { ...row, kind: column.kind });
  }
  return rows;
}
