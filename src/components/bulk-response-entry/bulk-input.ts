/** What the person enters before the check: what applies to every line, and the list (pasted, or a file). */
import type { ReactiveControllerHost } from 'lit';
import type { BulkRow } from '../../bulk/rows.js';
import { toZonedLocal } from '../../i18n/datetime.js';
import type { Localizer } from '../../i18n/localizer.js';
import { errorMessage } from '../base/states.js';
import { importCsvFile, rowsToCheck } from './csv-import.js';
import type { ImportedCsv } from './recipients-input.js';
import type { ScopeValues } from './scope-fields.js';
import type { TimeZone } from '../../model/types.js';

export class BulkInput {
  scope: ScopeValues = { eventId: '', detailId: '', respondedAtLocal: '', note: '' };
  paste = '';
  csv: ImportedCsv | undefined;
  /** Why the file could not be read. */
  fileError: string | undefined;
  #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /**
   * What an empty scope starts with: the host's event (when it gave a new one), and now. Called in
   * the host's `willUpdate()`, so the update under way shows it.
   */
  fillDefaults(eventId: string | undefined, timeZone: TimeZone): void {
    if (eventId && !this.scope.eventId) this.scope = { ...this.scope, eventId };
    if (!this.scope.respondedAtLocal) this.scope = { ...this.scope, respondedAtLocal: toZonedLocal(Date.now(), timeZone) };
  }

  /** Whether there is a list at all, without reading 10,000 rows in one go. */
  get anyRows(): boolean {
    return this.csv ? this.csv.table.rows.length > 0 : /\S/u.test(this.paste);
  }

  /** The rows to match: the chosen column of the file, or else the pasted list. */
  rows(signal: AbortSignal): Promise<BulkRow[]> {
    return rowsToCheck(this.paste, this.csv, signal);
  }

  setScope = (name: keyof ScopeValues, value: string): void => {
    this.scope = { ...this.scope, [name]: value, ...(name === 'eventId' ? { detailId: '' } : {}) };
    this.#host.requestUpdate();
  };

  onPaste = (text: string): void => {
    this.paste = text;
    this.#host.requestUpdate();
  };

  onColumn = (position: number): void => {
    if (!this.csv) return;
    this.csv = { ...this.csv, chosen: position };
    this.#host.requestUpdate();
  };

  async readFile(file: File | undefined, l: Localizer): Promise<void> {
    this.fileError = undefined;
    this.csv = undefined;
    this.#host.requestUpdate();
    if (!file) return;
    try {
      this.csv = await importCsvFile(file);
    } catch (error) {
      this.fileError = l.t('bulk.fileError', { file: file.name, message: errorMessage(error, l) });
    }
    this.#host.requestUpdate();
  }

  /** A new list; what applies to every line stays. */
  clearList(): void {
    this.paste = '';
    this.csv = undefined;
    this.#host.requestUpdate();
  }
}
