/**
 * The preview: one line per row, virtualized (10,000 rows render as the few on screen), each with
 * its recipient or why not, its duplicate reason, and whether it is saved. Buttons carry their row's
 * index, so the list has one listener for all of them.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { PreviewCounts, PreviewRow } from '../../bulk/preview.js';
import type { Localizer } from '../../i18n/localizer.js';

export interface PreviewContext {
  l: Localizer;
  preview: readonly PreviewRow[];
  counts: PreviewCounts;
  /** Ids typed while the backend could not say who they are. */
  unverified: ReadonlySet<string>;
  onInclude: (index: number, included: boolean) => void;
  /** Puts back in every row left out only because it could not be checked (offline). */
  onIncludeUnchecked: () => void;
  onChoose: (index: number, recipientId: string) => void;
  onSave: () => void;
  onBack: () => void;
}

function renderMatch(l: Localizer, row: PreviewRow, context: PreviewContext): TemplateResult {
  const { match } = row;
  if (match.status === 'not-found') return html`<span part="row-status row-not-found">${l.t('bulk.status.notFound')}</span>`;
  if (match.status === 'ambiguous') {
    const id = `bulk-choice-${row.row.index}`;
    return html`<label part="row-status row-ambiguous" for=${id}>${l.t('bulk.status.ambiguous')}</label>
      <select part="control choice" id=${id} @change=${(e: Event) => context.onChoose(row.row.index, (e.target as HTMLSelectElement).value)}>
        <option value="">${l.t('bulk.choose')}</option>
        ${match.choices.map((r) => html`<option value=${r.id}>${r.displayName}${r.email ? ` <${r.email}>` : ''} (${r.id})</option>`)}
      </select>`;
  }
  const recipient = match.recipient;
  if (context.unverified.has(recipient.id)) return html`<span part="row-recipient">${recipient.id}</span>`;
  return html`<span part="row-recipient">${recipient.displayName}${recipient.email ? html` <span class="muted">${recipient.email}</span>` : nothing}</span>`;
}

function renderRow(l: Localizer, row: PreviewRow, context: PreviewContext): TemplateResult {
  const matched = row.match.status === 'matched';
  const id = `bulk-include-${row.row.index}`;
  const name = matched && row.match.status === 'matched' ? row.match.recipient.displayName : row.row.key;
  return html`<div part="row" class="row ${row.included ? 'included' : 'left-out'}" role="listitem" data-row=${row.row.index}>
    <input type="checkbox" part="row-include" id=${id} .checked=${row.included} ?disabled=${!matched}
      aria-label=${l.t('bulk.include', { name })}
      @change=${(e: Event) => context.onInclude(row.row.index, (e.target as HTMLInputElement).checked)} />
    <span part="row-key" class="key">${row.row.source}</span>
    <span class="match">${renderMatch(l, row, context)}</span>
    ${row.duplicate ? html`<span part="row-reason reason-${row.duplicate}" class="reason">${l.t(`bulk.duplicate.${row.duplicate}`)}</span>` : nothing}
  </div>`;
}

export function renderPreview(context: PreviewContext): TemplateResult {
  const { l, counts } = context;
  // Offline, every row of a booth's list is "not checked": one step to keep them all, not a tick per row.
  const unchecked = context.preview.filter((row) => row.duplicate === 'unchecked' && !row.included).length;
  return html`<section part="preview" class="preview" aria-labelledby="bulk-preview-title">
    <h3 id="bulk-preview-title" part="preview-title">${l.t('bulk.preview')}</h3>
    <p part="counts">${l.t('bulk.counts', { ...counts })}</p>
    ${unchecked > 0
      ? html`<button type="button" part="include-unchecked-button" @click=${context.onIncludeUnchecked}>${l.tPlural('bulk.includeUnchecked', unchecked)}</button>`
      : nothing}
    <div class="list" part="list" role="list" aria-labelledby="bulk-preview-title">
      ${virtualize({
        items: context.preview as PreviewRow[],
        keyFunction: (row: PreviewRow | undefined, index: number) => row?.row.index ?? `past-end-${index}`,
        renderItem: (row: PreviewRow | undefined) => (row ? renderRow(l, row, context) : html``),
      })}
    </div>
    <div class="actions" part="actions">
      <button type="button" part="back-button" @click=${context.onBack}>${l.t('bulk.back')}</button>
      <button type="button" class="primary" part="save-button" ?disabled=${counts.included === 0} @click=${context.onSave}>
        ${l.tPlural('bulk.save', counts.included)}
      </button>
    </div>
  </section>`;
}
