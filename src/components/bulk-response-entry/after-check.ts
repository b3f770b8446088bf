/** What the entry shows once the list is checked: the check's progress, the preview, the save's progress, the summary. */
import type { TemplateResult } from 'lit';
import { countPreview } from '../../bulk/preview.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { BulkFlow } from './bulk-flow.js';
import { renderProgress, renderSummary } from './outcome.js';
import { renderPreview } from './preview-list.js';

export interface AfterCheckContext {
  l: Localizer;
  flow: BulkFlow;
  undoMessage: string | undefined;
  onIncludeUnchecked: () => void;
  onChoose: (index: number, recipientId: string) => void;
  onSave: () => void;
  onRetry: (which: 'failed' | 'cancelled') => void;
  onUndo: () => void;
  onNew: () => void;
}

export function renderAfterCheck(ctx: AfterCheckContext): TemplateResult {
  const { l, flow } = ctx;
  const { phase, progress } = flow;
  if (phase === 'checking' || phase === 'saving') {
    const label = l.t(phase === 'checking' ? 'bulk.matching' : 'bulk.saving', { done: progress.done, total: progress.total });
    return renderProgress({ l, label, ...progress, onCancel: () => flow.cancel() });
  }
  if (phase === 'preview') {
    return renderPreview({
      l, preview: flow.preview, counts: countPreview(flow.preview), unverified: flow.unverified,
      onInclude: (index, included) => flow.include(index, included),
      onIncludeUnchecked: ctx.onIncludeUnchecked,
      onChoose: ctx.onChoose,
      onSave: ctx.onSave,
      onBack: () => flow.back(),
    });
  }
  return renderSummary({
    l, outcomes: flow.outcomes, skipped: flow.skipped, undoSeconds: flow.undoSeconds, undoMessage: ctx.undoMessage,
    keyOf: (recipientId) => flow.preview.find((row) => row.match.status === 'matched' && row.match.recipient.id === recipientId)?.row.source ?? recipientId,
    onRetry: ctx.onRetry, onUndo: ctx.onUndo, onNew: ctx.onNew,
  });
}
