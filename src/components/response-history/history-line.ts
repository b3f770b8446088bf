import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { findDetail } from '../../model/vocabulary.js';
import type { RecipientCampaign, ResponseLine, ResponseVocabulary } from '../../model/types.js';
import { syncMarkOf } from '../../data/marks.js';
import { formatInstant } from '../../i18n/datetime.js';
import { renderSyncMark } from '../base/sync-mark.js';
import { t } from '../../i18n/translate.js';
import type { MessageKey } from '../../i18n/en.js';

export interface LineContext {
  vocabulary: ResponseVocabulary | undefined;
  campaigns: readonly RecipientCampaign[] | undefined;
  /** Show the campaign and event of each line (when the history is not of one campaign). */
  showCampaign: boolean;
  recipientTimeZone: string | undefined;
  showRecipientZone: boolean;
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

function renderLink(url: string): TemplateResult {
  return html`<p class="link" part="line-link">
    ${t('history.link')}${isWebUrl(url)
      ? html`<a href=${url} target="_blank" rel="noopener noreferrer nofollow">${url}</a>`
      : html`<span>${url}</span>`}
  </p>`;
}

/** One dated line of the history; every piece of data is rendered as text. */
export function renderHistoryLine(line: ResponseLine, context: LineContext): TemplateResult {
  const detail = context.vocabulary ? findDetail(context.vocabulary, line.detailId) : undefined;
  const category = context.vocabulary?.categories.find((c) => c.id === line.categoryId);
  const zone = context.recipientTimeZone;
  const inRecipientZone = zone ? formatInstant(line.respondedAt, zone) : undefined;
  const shownWhen = context.showRecipientZone && inRecipientZone ? inRecipientZone : formatInstant(line.respondedAt);
  const campaign = context.showCampaign ? context.campaigns?.find((c) => c.id === line.campaignId) : undefined;
  const event = campaign?.events.find((e) => e.id === line.eventId);
  const sourceKey = `history.source.${line.source}` as MessageKey;
  const mark = syncMarkOf(line);
  return html`<div role="listitem" part="line" class="line" data-line=${line.id}>
    <div class="line-head">
      <span part="line-detail" class="detail">${detail?.label ?? line.detailId}</span>
      <span part="line-category" class="category">${category?.label ?? line.categoryId}</span>
      <time
        part="line-time"
        datetime=${line.respondedAt}
        title=${ifDefined(inRecipientZone ? t('history.recipientTime', { when: `${inRecipientZone} (${zone})` }) : undefined)}
        >${shownWhen}</time
      >${mark ? renderSyncMark(mark, detail?.label ?? line.detailId) : nothing}
    </div>
    ${campaign
      ? html`<p class="meta" part="line-campaign">${campaign.title}${event ? ` · ${event.name}` : ''}</p>`
      : nothing}
    <p class="meta" part="line-meta">
      ${mark ? nothing : html`<span>${t('history.recorded', { when: formatInstant(line.recordedAt) })}</span>`}
      ${line.author ? html`<span>${t('history.by', { author: line.author })}</span>` : nothing}
      <span part="line-source">${t(sourceKey)}</span>
      ${line.evidence?.machine ? html`<span>${t('history.machine')}</span>` : nothing}
    </p>
    ${line.link ? renderLink(line.link.url) : nothing}
    ${line.note ? html`<p class="note" part="line-note">${line.note}</p>` : nothing}
  </div>`;
}
