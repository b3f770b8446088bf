import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { AuditRecord } from '../../model/audit.js';
import type { ResponseLine } from '../../model/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { MessageKey } from '../../i18n/en.js';
import type { LineActions } from './line-actions.js';

/** What a line shows beyond its data: deleted (with Restore), its menu (Delete), and its changes. */
export function renderLineActions(actions: LineActions, line: ResponseLine, l: Localizer, detail: string): TemplateResult | typeof nothing {
  const deleted = Boolean(line.deletedAt);
  const mayDelete = actions.mayDelete(line);
  const changes = actions.showsChanges ? actions.changes.get(line.id) : undefined;
  if (!deleted && !mayDelete && !actions.showsChanges) return nothing;
  const changesId = `changes-${line.id}`;
  return html`<div class="line-actions" part="line-actions">
      ${deleted
        ? html`<span part="line-deleted" class="deleted-label">${line.deletedBy
              ? l.t('history.deletedBy', { name: line.deletedBy, when: l.instant(line.deletedAt ?? '') })
              : l.t('history.deletedAt', { when: l.instant(line.deletedAt ?? '') })}</span>
            <button type="button" part="line-restore" aria-label=${l.t('history.restoreLine', { detail })} @click=${() => void actions.restoreLine(line)}>
              ${l.t('history.restore')}
            </button>`
        : nothing}
      ${mayDelete ? actions.menuFor(line).render(l.t('history.lineActions'), [{ id: 'delete', label: l.t('history.delete'), action: () => actions.delete(line) }]) : nothing}
      ${actions.showsChanges
        ? html`<button type="button" part="line-changes-button" aria-expanded=${changes ? 'true' : 'false'} aria-controls=${changesId} @click=${() => void actions.toggleChanges(line)}>
            ${l.t('history.changes')}
          </button>`
        : nothing}
    </div>
    ${changes ? html`<div id=${changesId} part="line-changes" class="line-changes" role="region" aria-label=${l.t('history.changes')} aria-live="polite">${renderChanges(changes, l)}</div>` : nothing}`;
}

function renderChanges(changes: NonNullable<ReturnType<LineActions['changes']['get']>>, l: Localizer): TemplateResult {
  if (changes.state === 'loading') return html`<p>${l.t('history.changesLoading')}</p>`;
  if (changes.state === 'failed') return html`<p role="alert">${l.t('state.error', { message: changes.message })}</p>`;
  if (changes.records.length === 0) return html`<p>${l.t('history.changesEmpty')}</p>`;
  return html`<ol>
    ${changes.records.map((record) => html`<li part="line-change" data-action=${record.action}>${describeChange(record, l)}</li>`)}
  </ol>`;
}

function describeChange(record: AuditRecord, l: Localizer): TemplateResult {
  const key = `history.audit.${record.action}` as MessageKey;
  // The time as <time datetime>, the name isolated (a name may read right to left).
  return html`${l.tParts(key, { name: html`<bdi>${record.principal.name}</bdi>`, when: html`<time datetime=${record.at}>${l.instant(record.at)}</time>` })}`;
}

/** The notice of a line's delete: Undo while it waits, Restore once sent; announced politely. */
export function renderLineNotice(actions: LineActions, l: Localizer, detailOf: (line: ResponseLine) => string): TemplateResult {
  const notice = actions.notice;
  return html`<div class="snackbar-region" role="status" aria-live="polite">
    ${notice
      ? html`<div
          part="line-notice"
          class="snackbar ${notice.kind === 'failed' ? 'failed' : ''}"
          tabindex="-1"
          @focusin=${(event: FocusEvent) => actions.hold(event.target instanceof HTMLButtonElement)}
          @focusout=${() => actions.hold(false)}
          @pointerenter=${() => actions.hold(true)}
          @pointerleave=${() => actions.hold(false)}
        >
          ${notice.kind === 'failed'
            ? html`<span>${notice.message}</span>`
            : html`<span>${l.t(notice.kind === 'restored' ? 'history.lineRestored' : 'history.lineDeleted', { detail: detailOf(notice.line) })}</span>`}
          ${notice.kind === 'pending' ? html`<button type="button" part="notice-undo" @click=${() => actions.undo()}>${l.t('history.undo')}</button>` : nothing}
          ${notice.kind === 'sent'
            ? html`<button type="button" part="notice-restore" ?disabled=${notice.busy === true} @click=${() => void actions.restoreSent()}>${l.t('history.restore')}</button>`
            : nothing}
          ${notice.kind === 'sent' || notice.kind === 'failed'
            ? html`<button type="button" part="notice-close" @click=${() => actions.dismiss()}>${l.t('history.dismiss')}</button>`
            : nothing}
        </div>`
      : nothing}
  </div>`;
}
