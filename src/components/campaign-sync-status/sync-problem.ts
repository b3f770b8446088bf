import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { findDetail } from '../../model/vocabulary.js';
import type { ResponseVocabulary } from '../../model/types.js';
import type { SyncProblem } from '../../data/sync.js';
import type { Localizer } from '../../i18n/localizer.js';
import { syncReason, syncStateLabel } from '../base/sync-mark.js';

/** What a line looks like to the comparison: the fields a person entered. */
interface Comparable {
  detailId: string;
  eventId: string;
  respondedAt: string;
  note: string;
}

function isComparable(value: unknown): value is Comparable {
  if (!value || typeof value !== 'object') return false;
  const line = value as Record<string, unknown>;
  return typeof line.detailId === 'string' && typeof line.respondedAt === 'string' && typeof line.note === 'string' && typeof line.eventId === 'string';
}

export interface ProblemContext {
  /** The status element's strings and formats. */
  l: Localizer;
  vocabulary: ResponseVocabulary | undefined;
  confirming: boolean;
  busy: boolean;
}

function detailLabel(l: Localizer, detailId: string, vocabulary: ResponseVocabulary | undefined): string {
  const detail = vocabulary && findDetail(vocabulary, detailId);
  return detail ? l.detailLabel(detail) : detailId;
}

/** The edit in words: "Response “Purchased” to Spring Launch, 10 Jan 2026, 09:00". */
export function describeProblem(l: Localizer, problem: SyncProblem, vocabulary: ResponseVocabulary | undefined): string {
  const campaign = problem.campaignTitle ?? problem.campaignId;
  if (problem.kind === 'deleteLine') return l.t('sync.problem.deleteLine', { campaign });
  if (problem.kind === 'deleteAll' || !problem.line) return l.t('sync.problem.deleteAll', { campaign });
  return l.t('sync.problem.add', {
    detail: detailLabel(l, problem.line.detailId, vocabulary),
    campaign,
    when: l.instant(problem.line.respondedAt),
  });
}

/** Ours beside the server's, field by field, as a table (a real comparison, read row by row). */
function renderVersions(l: Localizer, problem: SyncProblem, vocabulary: ResponseVocabulary | undefined): TemplateResult {
  const ours = problem.line;
  const theirs = isComparable(problem.serverVersion) ? problem.serverVersion : undefined;
  if (!ours || !theirs) return html`<p part="versions-unknown" class="muted">${l.t('sync.theirsUnknown')}</p>`;
  const rows: [string, string, string][] = [
    [l.t('sync.field.detail'), detailLabel(l, ours.detailId, vocabulary), detailLabel(l, theirs.detailId, vocabulary)],
    [l.t('sync.field.event'), ours.eventId, theirs.eventId],
    [l.t('sync.field.when'), l.instant(ours.respondedAt), l.instant(theirs.respondedAt)],
    [l.t('sync.field.note'), ours.note, theirs.note],
  ];
  return html`<table part="versions" class="versions">
    <thead>
      <tr>
        <td></td>
        <th scope="col">${l.t('sync.ours')}</th>
        <th scope="col">${l.t('sync.theirs')}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ([field, mine, server]) =>
          html`<tr class=${mine === server ? '' : 'differs'}>
            <th scope="row">${field}</th>
            <td><bdi>${mine}</bdi></td>
            <td><bdi>${server}</bdi></td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** One failed or conflicted edit: what it is, the server's reason, ours and theirs, Retry, Discard. */
export function renderProblem(problem: SyncProblem, context: ProblemContext): TemplateResult {
  const l = context.l;
  const what = describeProblem(l, problem, context.vocabulary);
  const questionId = `discard-question-${problem.opId}`;
  return html`<li part="problem" class="problem" data-op=${problem.opId}>
    <p class="what">
      <span part="sync-mark sync-${problem.state}" class="sync-mark sync-${problem.state}"
        ><span class="sync-icon" aria-hidden="true">${problem.state === 'conflict' ? '⇄' : '⚠'}</span> ${syncStateLabel(l, problem.state)}</span
      >
      <span part="problem-what">${what}</span>
    </p>
    <p part="reason" class="reason">${syncReason(l, problem)}</p>
    ${problem.state === 'conflict' ? renderVersions(l, problem, context.vocabulary) : nothing}
    ${context.confirming
      ? html`<div part="discard-confirmation" class="confirm" role="group" aria-labelledby=${questionId}>
          <p id=${questionId}>${l.t('sync.discardQuestion')}</p>
          <button type="button" class="danger" part="confirm-discard-button" data-action="confirm-discard" ?disabled=${context.busy}>
            ${l.t('sync.discardConfirm')}
          </button>
          <button type="button" part="keep-button" data-action="keep">${l.t('sync.keep')}</button>
        </div>`
      : html`<div part="actions" class="actions">
          <button type="button" part="retry-button" data-action="retry" aria-label=${l.t('sync.retryFor', { what })} ?disabled=${context.busy}>
            ${l.t('sync.retry')}
          </button>
          <button type="button" part="discard-button" data-action="discard" aria-label=${l.t('sync.discardFor', { what })} ?disabled=${context.busy}>
            ${l.t('sync.discard')}
          </button>
        </div>`}
  </li>`;
}

/** What the toggle and the list of edits that need a person show, handed over on each render. */
export interface ProblemListContext {
  l: Localizer;
  vocabulary: ResponseVocabulary | undefined;
  expanded: boolean;
  /** The edit whose Discard is being asked about, and the one whose action runs. */
  confirming: string | undefined;
  busy: string | undefined;
  onToggle: () => void;
  /** The list's one click listener (Retry, Discard, Keep, confirm), by the button's data. */
  onClick: (event: Event) => void;
}

/** The toggle and the list of the edits that need a person; nothing when there are none. */
export function renderProblemList(problems: readonly SyncProblem[], ctx: ProblemListContext): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  return html`<button type="button" part="toggle" class="toggle" aria-expanded=${ctx.expanded ? 'true' : 'false'} aria-controls="problems" @click=${ctx.onToggle}>
      ${ctx.l.t('sync.showProblems', { count: problems.length })}
    </button>
    <ul id="problems" part="problems" class="problems" ?hidden=${!ctx.expanded} @click=${ctx.onClick}>
      ${problems.map((problem) =>
        renderProblem(problem, { l: ctx.l, vocabulary: ctx.vocabulary, confirming: ctx.confirming === problem.opId, busy: ctx.busy === problem.opId }),
      )}
    </ul>`;
}
