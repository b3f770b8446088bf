import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { findDetail } from '../../model/vocabulary.js';
import type { RecipientCampaign, ResponseLine, ResponseVocabulary } from '../../model/types.js';
import { syncMarkOf } from '../../data/marks.js';
import { renderSyncMark } from '../base/sync-mark.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { MessageKey } from '../../i18n/en.js';

export interface LineContext {
  /** The history's strings and formats. */
  l: Localizer;
  vocabulary: ResponseVocabulary | undefined;
  campaigns: readonly RecipientCampaign[] | undefined;
  /** Show the campaign and event of each line (when the history is not of one campaign). */
  showCampaign: boolean;
  recipientTimeZone: string | undefined;
  showRecipientZone: boolean;
  /** What the line shows beyond its data (its actions, deleted mark, changes), given its detail's label. */
  extras?: (line: ResponseLine, detailLabel: string) => TemplateResult | typeof nothing;
}

/** Whether a URL may be a link: only http(s), never `javascript:` or `data:`. */
export function isWebUrl(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function renderLink(url: string, l: Localizer): TemplateResult {
  // A URL reads left to right in any language; `dir` also isolates it from the label.
  return html`<p class="link" part="line-link">
    ${l.t('history.link')}${isWebUrl(url)
      ? html`<a href=${url} dir="ltr" target="_blank" rel="noopener noreferrer nofollow">${url}</a>`
      : html`<span dir="ltr">${url}</span>`}
  </p>`;
}

/** One dated line of the history; every piece of data is rendered as text. */
export function renderHistoryLine(line: ResponseLine, context: LineContext): TemplateResult {
  const detail = context.vocabulary ? findDetail(context.vocabulary, line.detailId) : undefined;
  const category = context.vocabulary?.categories.find((c) => c.id === line.categoryId);
  const l = context.l;
  const zone = context.recipientTimeZone;
  const inRecipientZone = zone ? l.instant(line.respondedAt, zone) : undefined;
  const shownWhen = context.showRecipientZone && inRecipientZone ? inRecipientZone : l.instant(line.respondedAt);
  const detailLabel = detail ? l.detailLabel(detail) : line.detailId;
  const categoryLabel = category ? l.categoryLabel(category) : line.categoryId;
  // The event always: one campaign's history mixes its events (an email, a booth, a follow-up).
  const campaign = context.campaigns?.find((c) => c.id === line.campaignId);
  const event = campaign?.events.find((e) => e.id === line.eventId);
  const shownCampaign = context.showCampaign ? campaign : undefined;
  const sourceKey = `history.source.${line.source}` as MessageKey;
  const mark = syncMarkOf(line);
  return html`<div role="listitem" part="line" class="line ${line.deletedAt ? 'deleted' : ''}" data-line=${line.id}>
    <div class="line-head" part="line-head">
      <span part="line-detail" class="detail" dir="auto">${detailLabel}</span>
      ${
        // "Purchased Purchased" says nothing twice: where detail and category read the same, once.
        categoryLabel === detailLabel ? nothing : html`<span part="line-category" class="category" dir="auto">${categoryLabel}</span>`
      }
      <time
        part="line-time"
        datetime=${line.respondedAt}
        title=${ifDefined(inRecipientZone && zone ? l.t('history.recipientTime', { when: l.t('history.whenInZone', { when: inRecipientZone, zone }) }) : undefined)}
        >${shownWhen}</time
      >${mark ? renderSyncMark(l, mark, detailLabel) : nothing}
    </div>
    ${shownCampaign || event
      ? html`<p class="meta" part="line-campaign">
          ${shownCampaign ? html`<bdi>${shownCampaign.title}</bdi>${event ? ' · ' : nothing}` : nothing}${event
            ? html`<bdi>${event.name}</bdi>`
            : nothing}
        </p>`
      : nothing}
    <p class="meta" part="line-meta">
      ${mark ? nothing : html`<span>${l.t('history.recorded', { when: l.instant(line.recordedAt) })}</span>`}
      ${line.author ? html`<span>${l.tParts('history.by', { author: html`<bdi>${line.author}</bdi>` })}</span>` : nothing}
      <span part="line-source">${l.t(sourceKey)}</span>
      ${line.evidence?.machine ? html`<span>${l.t('history.machine')}</span>` : nothing}
    </p>
    ${line.link ? renderLink(line.link.url, l) : nothing}
    ${line.note ? html`<p class="note" part="line-note" dir="auto">${line.note}</p>` : nothing}
    ${context.extras ? context.extras(line, detailLabel) : nothing}
  </div>`;
}
