/**
 * CSV (RFC 4180) for spreadsheets. A cell that a spreadsheet would run as a formula (it starts with
 * =, +, -, @, a tab or a carriage return: OWASP "CSV injection") gets a leading apostrophe, so a
 * note like `=HYPERLINK(…)` typed by anyone stays text when a manager opens the export. Every text
 * cell is quoted.
 */

const FORMULA_START = /^[=+\-@\t\r]/u;

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One cell: neutralised if it could run, then always quoted. Quoting only cells with a comma was not
 * enough: a spreadsheet in a locale whose separator is `;` splits `x;=1+1` itself and runs the
 * second half, so every text cell is quoted and no separator inside one ever counts.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans come from the server itself, not from people: they are written as they are.
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/**
 * A byte stream of CSV from batches read one at a time: `nextBatch` is called only when the reader
 * wants more (pull), so a slow client holds back the database reads and memory stays one batch deep.
 */
export function csvStream(header: readonly string[], nextBatch: () => Promise<CsvValue[][] | undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          // The byte order mark tells Excel the file is UTF-8 (names like Élodie, notes with €).
          controller.enqueue(encoder.encode(`\uFEFF${csvRow(header)}`));
          return;
        }
        const rows = await nextBatch();
        if (rows === undefined) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(rows.map(csvRow).join('')));
      },
    },
    // One chunk queued ahead at most: the next batch is read only when this one has been taken.
    { highWaterMark: 1 },
  );
}
