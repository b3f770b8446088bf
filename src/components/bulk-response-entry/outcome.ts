/** The save's progress (with Cancel), and its outcome: saved, skipped, failed with the reason, Retry, Undo. */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { LineOutcome } from '../../data/bulk-save.js';
import type { Localizer } from '../../i18n/localizer.js';
import { errorMessage } from '../base/states.js';
import { countPreview } from '../../bulk/preview.js';
import type { BulkFlow } from './bulk-flow.js';

export interface ProgressContext {
  l: Localizer;
  label: string;
  done: number;
  total: number;
  onCancel: () => void;
}

/** A native progress bar, its words beside it, and Cancel. */
export function renderProgress(context: ProgressContext): TemplateResult {
  const { l, done, total } = context;
  return html`<div class="progress" part="progress">
    <label for="bulk-progress" part="progress-label">${context.label}</label>
    <progress id="bulk-progress" part="progress-bar" max=${Math.max(total, 1)} .value=${done}></progress>
    <button type="button" part="cancel-button" @click=${context.onCancel}>${l.t('bulk.cancel')}</button>
  </div>`;
}

export interface SummaryCounts {
  saved: number;
  queued: number;
  failed: number;
  cancelled: number;
}

export function summarize(outcomes: readonly LineOutcome[]): SummaryCounts {
  const counts = { saved: 0, queued: 0, failed: 0, cancelled: 0 };
  for (const outcome of outcomes) {
    if (outcome.status === 'saved') {
      counts.saved++;
      if (outcome.queued) counts.queued++;
    } else counts[outcome.status]++;
  }
  return counts;
}

export interface SummaryContext {
  l: Localizer;
  outcomes: readonly LineOutcome[];
  skipped: number;
  /** The key a person wrote for a recipient id (their words in the failure list). */
  keyOf: (recipientId: string) => string;
  undoSeconds: number | undefined;
  undoMessage: string | undefined;
  onRetry: (which: 'failed' | 'cancelled') => void;
  onUndo: () => void;
  onNew: () => void;
}

/** The summary sentence, for the live region too. */
export function summaryText(l: Localizer, outcomes: readonly LineOutcome[], skipped: number): string {
  return l.t('bulk.summary', { ...summarize(outcomes), skipped });
}

export function renderSummary(context: SummaryContext): TemplateResult {
  const { l, outcomes } = context;
  const counts = summarize(outcomes);
  const failed = outcomes.filter((outcome) => outcome.status === 'failed');
  return html`<section part="summary" class="summary">
    ${failed.length > 0
      ? html`<ul part="failed-list" class="failed-list">
          ${failed.map((outcome) => html`<li part="failed-line">${l.t('bulk.failedLine', { key: context.keyOf(outcome.line.recipientId), reason: errorMessage(outcome.error, l) })}</li>`)}
        </ul>`
      : nothing}
    ${context.undoMessage ? html`<p part="undo-message">${context.undoMessage}</p>` : nothing}
    <div class="actions" part="actions">
      ${counts.failed > 0 ? html`<button type="button" class="primary" part="retry-button" @click=${() => context.onRetry('failed')}>${l.t('bulk.retryFailed')}</button>` : nothing}
      ${counts.cancelled > 0
        ? html`<button type="button" part="send-rest-button" @click=${() => context.onRetry('cancelled')}>${l.tPlural('bulk.sendRest', counts.cancelled)}</button>`
        : nothing}
      ${context.undoSeconds !== undefined
        ? html`<button type="button" part="undo-button" @click=${context.onUndo}>${l.t('bulk.undo', { seconds: context.undoSeconds })}</button>`
        : nothing}
      <button type="button" part="new-button" @click=${context.onNew}>${l.t('bulk.newList')}</button>
    </div>
  </section>`;
}

/** The live region speaks progress in tenths, not at every row. */
const tenths = (done: number, total: number) => (total === 0 ? 0 : Math.floor((done / total) * 10) * Math.floor(total / 10));

/** What the live region says: the step's progress in tenths, the preview's counts, the summary. */
export function announcement(l: Localizer, flow: Pick<BulkFlow, 'phase' | 'progress' | 'preview' | 'outcomes' | 'skipped'>, undoMessage: string | undefined): string {
  const { phase, progress } = flow;
  if (phase === 'checking') return l.t('bulk.matching', { done: tenths(progress.done, progress.total), total: progress.total });
  if (phase === 'saving') return l.t('bulk.saving', { done: tenths(progress.done, progress.total), total: progress.total });
  if (phase === 'preview') return l.t('bulk.counts', { ...countPreview(flow.preview) });
  if (phase === 'done') return [summaryText(l, flow.outcomes, flow.skipped), undoMessage].filter(Boolean).join(' ');
  return '';
}
