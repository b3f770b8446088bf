import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { CampaignEvent, Recipient, RecipientCampaign, ResponseLine, ResponseVocabulary } from '../../model/types.js';
import { syncMarkOf } from '../../data/marks.js';
import { formatInstant } from '../../i18n/datetime.js';
import { t } from '../../i18n/translate.js';
import { renderSyncMark } from '../base/sync-mark.js';

/** Categories whose reports may lag behind (source CRM: "a delay in reporting … Sent and Bounced"). */
const DELAYED_CATEGORIES = new Set(['sent', 'bounced']);

/**
 * Attributes the tab's one click listener reads (event delegation, instead of a closure and a
 * listener per button): the campaign on its `<tbody>`, the event on its Update Status button.
 */
export const CAMPAIGN_ATTRIBUTE = 'data-campaign';
export const EVENT_ATTRIBUTE = 'data-event';

export interface RowsContext {
  client: CampaignDataClient;
  recipient: Recipient;
  campaigns: RecipientCampaign[];
  vocabulary: ResponseVocabulary;
  expanded: ReadonlySet<string>;
}

/** What a render needs more than once, worked out once per render rather than once per row. */
interface RowsRender extends RowsContext {
  labels: VocabularyLabels;
  updateStatus: string;
  updateStatusFor: (event: CampaignEvent) => string;
  noResponse: string;
  delayNote: string;
}

interface VocabularyLabels {
  details: Map<string, string>;
  categories: Map<string, string>;
}

// A vocabulary is fetched once per client and never changed in place: its lookups are built once.
const labelsOfVocabulary = new WeakMap<ResponseVocabulary, VocabularyLabels>();

function labelsOf(vocabulary: ResponseVocabulary): VocabularyLabels {
  let labels = labelsOfVocabulary.get(vocabulary);
  if (!labels) {
    labels = {
      details: new Map(vocabulary.details.map((detail) => [detail.id, detail.label])),
      categories: new Map(vocabulary.categories.map((category) => [category.id, category.label])),
    };
    labelsOfVocabulary.set(vocabulary, labels);
  }
  return labels;
}

/** `tab.updateStatusFor` filled in per event without looking the string up and parsing it each time. */
function updateStatusLabel(): (event: CampaignEvent) => string {
  const marker = '\u0000';
  const pieces = t('tab.updateStatusFor', { event: marker }).split(marker);
  return (event) => pieces.join(event.name);
}

function responseCell(line: ResponseLine | null, render: RowsRender): TemplateResult {
  if (!line) return html`<span class="none">${render.noResponse}</span>`;
  const { details, categories } = render.labels;
  const detail = details.get(line.detailId) ?? line.detailId;
  // A symbol property read: a line the server holds has none, and costs nothing more.
  const mark = syncMarkOf(line);
  const delayNote = DELAYED_CATEGORIES.has(line.categoryId) ? html`<p part="delay-note" class="delay-note">${render.delayNote}</p>` : nothing;
  // One part for the mark and the note, as before there were marks: an unmarked row has no node more.
  return html`<span part="response-detail">${detail}</span> · <span part="response-category" class="category">${categories.get(line.categoryId) ?? line.categoryId}</span>${
      mark ? html`${renderSyncMark(mark, detail)}${delayNote}` : delayNote
    }`;
}

function eventItem(event: CampaignEvent, render: RowsRender): TemplateResult {
  return html`<li part="event">${event.name}<button
      type="button"
      part="update-button"
      data-event=${event.id}
      aria-label=${render.updateStatusFor(event)}
    >${render.updateStatus}</button></li>`;
}

function historyRow(campaign: RecipientCampaign, historyId: string, render: RowsRender): TemplateResult {
  return html`<tr part="history-row" id=${historyId}>
    <td colspan="4">
      <response-history
        .dataClient=${render.client}
        .recipient=${render.recipient}
        .campaigns=${render.campaigns}
        .vocabulary=${render.vocabulary}
        recipient-id=${render.recipient.id}
        campaign-id=${campaign.id}
      ></response-history>
    </td>
  </tr>`;
}

// Written without whitespace between the cells' tags: a row is cloned 100 times, and every blank
// text node is one more node to clone, style and skip.
function campaignRows(campaign: RecipientCampaign, render: RowsRender): TemplateResult {
  const expanded = render.expanded.has(campaign.id);
  const historyId = `history-${campaign.id}`;
  const latest = campaign.latestResponse;
  return html`<tbody part="campaign" data-campaign=${campaign.id}><tr part="row"><th scope="row" part="campaign-title"><button
      type="button"
      part="disclosure"
      class="disclosure"
      aria-expanded=${expanded ? 'true' : 'false'}
      aria-controls=${ifDefined(expanded ? historyId : undefined)}
    >${campaign.title}</button></th><td><ul part="events" class="events">${campaign.events.map((event) =>
      eventItem(event, render),
    )}</ul></td><td part="response">${responseCell(latest, render)}</td><td part="date">${
      latest ? html`<time datetime=${latest.respondedAt}>${formatInstant(latest.respondedAt)}</time>` : nothing
    }</td></tr>${expanded ? historyRow(campaign, historyId, render) : nothing}</tbody>`;
}

/**
 * The table of campaigns sent to the recipient. Its buttons carry no listeners: the tab listens
 * once, on the table, and finds the campaign and event from `data-campaign` and `data-event`.
 */
export function renderCampaignTable(context: RowsContext, onClick: (event: Event) => void): TemplateResult {
  const render: RowsRender = {
    ...context,
    labels: labelsOf(context.vocabulary),
    updateStatus: t('tab.updateStatus'),
    updateStatusFor: updateStatusLabel(),
    noResponse: t('tab.noResponse'),
    delayNote: t('tab.delayNote'),
  };
  return html`<table part="table" @click=${onClick}>
    <caption class="visually-hidden">${t('tab.caption')}</caption>
    <thead>
      <tr>
        <th scope="col">${t('tab.col.campaign')}</th>
        <th scope="col">${t('tab.col.events')}</th>
        <th scope="col">${t('tab.col.response')}</th>
        <th scope="col">${t('tab.col.date')}</th>
      </tr>
    </thead>
    ${repeat(context.campaigns, (campaign) => campaign.id, (campaign) => campaignRows(campaign, render))}
  </table>`;
}
