import { parsePastedKeysInSlices, type BulkRow } from '../../bulk/rows.js';
import type { ImportedCsv } from './recipients-input.js';

/**
 * Reads an imported file as CSV (Excel's encodings too). Papa Parse is loaded only when a file is
 * imported: a pasted list does not need it.
 */
export async function importCsvFile(file: File): Promise<ImportedCsv> {
  const [{ decodeFileBytes }, { parseCsv, keyColumns }] = await Promise.all([import('../../bulk/decode.js'), import('../../bulk/csv.js')]);
  const table = parseCsv(decodeFileBytes(await file.arrayBuffer()));
  return { fileName: file.name, table, columns: keyColumns(table), chosen: 0 };
}

/** The rows to match: the chosen column of the imported file, or else the pasted list. */
export async function rowsToCheck(paste: string, csv: ImportedCsv | undefined, signal?: AbortSignal): Promise<BulkRow[]> {
  if (!csv) return parsePastedKeysInSlices(paste, { signal });
  const { rowsFromColumn } = await import('../../bulk/csv.js');
  const column = csv.columns[csv.chosen];
  return column ? rowsFromColumn(csv.table, column) : [];
}
