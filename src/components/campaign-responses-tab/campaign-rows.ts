import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { findDetail } from '../../model/vocabulary.js';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { Recipient, RecipientCampaign, ResponseLine, ResponseVocabulary } from '../../model/types.js';
import { formatInstant } from '../../i18n/datetime.js';
import { t } from '../../i18n/translate.js';

/** Categories whose reports may lag behind (source CRM: "a delay in reporting … Sent and Bounced"). */
const DELAYED_CATEGORIES = new Set(['sent', 'bounced']);

export interface RowsContext {
  client: CampaignDataClient;
  recipient: Recipient;
  campaigns: RecipientCampaign[];
  vocabulary: ResponseVocabulary;
  expanded: ReadonlySet<string>;
  toggle: (campaignId: string) => void;
  updateStatus: (campaignId: string, eventId: string, opener: HTMLElement) => void;
}

function responseCell(line: ResponseLine | null, vocabulary: ResponseVocabulary): TemplateResult {
  if (!line) return html`<span class="none">${t('tab.noResponse')}</span>`;
  const detail = findDetail(vocabulary, line.detailId);
  const category = vocabulary.categories.find((c) => c.id === line.categoryId);
  return html`<span part="response-detail">${detail?.label ?? line.detailId}</span>
    <span part="response-category" class="category">${category?.label ?? line.categoryId}</span>
    ${DELAYED_CATEGORIES.has(line.categoryId) ? html`<p part="delay-note" class="delay-note">${t('tab.delayNote')}</p>` : nothing}`;
}

function campaignRows(context: RowsContext, campaign: RecipientCampaign): TemplateResult {
  const expanded = context.expanded.has(campaign.id);
  const historyId = `history-${campaign.id}`;
  const latest = campaign.latestResponse;
  return html`<tbody part="campaign">
    <tr part="row">
      <th scope="row" part="campaign-title">
        <button
          type="button"
          part="disclosure"
          class="disclosure"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls=${ifDefined(expanded ? historyId : undefined)}
          @click=${() => context.toggle(campaign.id)}
        >
          <span class="chevron" aria-hidden="true"></span>${campaign.title}
        </button>
      </th>
      <td>
        <ul part="events" class="events">
          ${campaign.events.map(
            (event) => html`<li part="event">
              <span>${event.name}</span>
              <button
                type="button"
                part="update-button"
                data-event=${event.id}
                aria-label=${t('tab.updateStatusFor', { event: event.name })}
                @click=${(e: Event) => context.updateStatus(campaign.id, event.id, e.currentTarget as HTMLElement)}
              >
                ${t('tab.updateStatus')}
              </button>
            </li>`,
          )}
        </ul>
      </td>
      <td part="response">${responseCell(latest, context.vocabulary)}</td>
      <td part="date">${latest ? html`<time datetime=${latest.respondedAt}>${formatInstant(latest.respondedAt)}</time>` : nothing}</td>
    </tr>
    ${expanded
      ? html`<tr part="history-row" id=${historyId}>
          <td colspan="4">
            <response-history
              .dataClient=${context.client}
              .recipient=${context.recipient}
              .campaigns=${context.campaigns}
              .vocabulary=${context.vocabulary}
              recipient-id=${context.recipient.id}
              campaign-id=${campaign.id}
            ></response-history>
          </td>
        </tr>`
      : nothing}
  </tbody>`;
}

/** The table of campaigns sent to the recipient. */
export function renderCampaignTable(context: RowsContext): TemplateResult {
  return html`<table part="table">
    <caption class="visually-hidden">${t('tab.caption')}</caption>
    <thead>
      <tr>
        <th scope="col">${t('tab.col.campaign')}</th>
        <th scope="col">${t('tab.col.events')}</th>
        <th scope="col">${t('tab.col.response')}</th>
        <th scope="col">${t('tab.col.date')}</th>
      </tr>
    </thead>
    ${repeat(context.campaigns, (campaign) => campaign.id, (campaign) => campaignRows(context, campaign))}
  </table>`;
}
