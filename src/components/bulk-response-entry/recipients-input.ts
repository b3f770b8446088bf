/** Where the recipients come from: a pasted list, or a CSV file whose key column the person confirms. */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CsvTable, KeyColumn } from '../../bulk/csv.js';
import type { Localizer } from '../../i18n/localizer.js';

/** An imported file: its table, the columns that may hold the recipients (likeliest first), the chosen one. */
export interface ImportedCsv {
  fileName: string;
  table: CsvTable;
  columns: KeyColumn[];
  chosen: number;
}

export interface RecipientsContext {
  l: Localizer;
  paste: string;
  csv: ImportedCsv | undefined;
  fileError: string | undefined;
  disabled: boolean;
  onPaste: (text: string) => void;
  onFile: (file: File | undefined) => void;
  onColumn: (position: number) => void;
}

function columnLabel(l: Localizer, column: KeyColumn): string {
  const name = column.header || l.t('bulk.columnNumber', { number: column.index + 1 });
  return l.t('bulk.columnOption', { name, kind: l.t(`bulk.kind.${column.kind}`) });
}

export function renderRecipients(context: RecipientsContext): TemplateResult {
  const { l, csv, disabled } = context;
  // Not a disabled fieldset: disabling a 10,000-line textarea lays it out anew (a long task). The
  // list is read once when the check starts; typing meanwhile changes nothing until the next check.
  return html`<fieldset part="recipients" class="recipients">
    <legend part="legend">${l.t('bulk.recipients')}</legend>
    <div class="field" part="field">
      <label part="label" for="bulk-paste">${l.t('bulk.pasteLabel')}</label>
      <textarea part="control paste" id="bulk-paste" rows="6" spellcheck="false" autocomplete="off"
        .value=${live(context.paste)} @input=${(e: Event) => context.onPaste((e.target as HTMLTextAreaElement).value)}></textarea>
    </div>
    <div class="field" part="field">
      <label part="label" for="bulk-file">${l.t('bulk.fileLabel')}</label>
      <input part="control file" id="bulk-file" type="file" accept=".csv,text/csv,text/plain" ?disabled=${disabled}
        @change=${(e: Event) => context.onFile((e.target as HTMLInputElement).files?.[0])} />
      ${context.fileError ? html`<p class="field-error" part="field-error" role="alert">${context.fileError}</p>` : nothing}
    </div>
    ${csv
      ? html`<div class="field" part="field">
          <p class="hint" part="hint">${l.t('bulk.fileRead', { file: csv.fileName, count: csv.table.rows.length })}</p>
          <label part="label" for="bulk-column">${l.t('bulk.column')}</label>
          <select part="control column-select" id="bulk-column" .value=${live(String(csv.chosen))}
            @change=${(e: Event) => context.onColumn(Number((e.target as HTMLSelectElement).value))}>
            ${csv.columns.map((column, position) => html`<option value=${position} ?selected=${position === csv.chosen}>${columnLabel(l, column)}</option>`)}
          </select>
        </div>`
      : nothing}
  </fieldset>`;
}
