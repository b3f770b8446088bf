import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { CampaignEvent, Recipient, RecipientCampaign, ResponseLine, ResponseVocabulary } from '../../model/types.js';
import { syncMarkOf } from '../../data/marks.js';
import type { Localizer } from '../../i18n/localizer.js';
import { renderSyncMark } from '../base/sync-mark.js';
import { HISTORY_EXPORTPARTS } from '../response-history/history-parts.js';

/** Categories whose reports may lag behind (source CRM: "a delay in reporting … Sent and Bounced"). */
const DELAYED_CATEGORIES = new Set(['sent', 'bounced']);

/**
 * Attributes the tab's one click listener reads (event delegation, instead of a closure and a
 * listener per button): the campaign on its `<tbody>`, the event on its Update Status button.
 */
export const CAMPAIGN_ATTRIBUTE = 'data-campaign';
export const EVENT_ATTRIBUTE = 'data-event';

export interface RowsContext {
  /** The tab's strings and formats. */
  l: Localizer;
  client: CampaignDataClient;
  recipient: Recipient;
  campaigns: RecipientCampaign[];
  vocabulary: ResponseVocabulary;
  expanded: ReadonlySet<string>;
  /** The tab's undo time, for a line's Delete in an expanded history as for the campaign's. */
  undoDelayMs?: number;
}

/**
 * What every row of one render shares, worked out once per render rather than once per row; what a
 * subclass's `renderRow()` / `renderCells()` receive.
 */
export interface CampaignRowContext extends RowsContext {
  labels: VocabularyLabels;
  /** "Update Status". */
  updateStatus: string;
  /** "Update Status for <event>", the button's accessible name. */
  updateStatusFor: (event: CampaignEvent) => string;
  /** Whether Update Status can save (the person may write, and the backend takes responses); else it is disabled, and the toolbar says why. */
  mayUpdate: boolean;
  noResponse: string;
  delayNote: string;
  /** How many columns the table has (the expanded history row spans them all). */
  columnCount: number;
}

export interface VocabularyLabels {
  details: Map<string, string>;
  categories: Map<string, string>;
}

// A vocabulary is fetched once per client and never changed in place: its lookups are built once
// per language.
const labelsOfVocabulary = new WeakMap<ResponseVocabulary, WeakMap<Localizer, VocabularyLabels>>();

function labelsOf(vocabulary: ResponseVocabulary, l: Localizer): VocabularyLabels {
  let byLanguage = labelsOfVocabulary.get(vocabulary);
  if (!byLanguage) labelsOfVocabulary.set(vocabulary, (byLanguage = new WeakMap()));
  let labels = byLanguage.get(l);
  if (!labels) {
    labels = {
      details: new Map(vocabulary.details.map((detail) => [detail.id, l.detailLabel(detail)])),
      categories: new Map(vocabulary.categories.map((category) => [category.id, l.categoryLabel(category)])),
    };
    byLanguage.set(l, labels);
  }
  return labels;
}

/** `tab.updateStatusFor` filled in per event without looking the string up and parsing it each time. */
function updateStatusLabel(l: Localizer): (event: CampaignEvent) => string {
  const marker = '\u0000';
  const pieces = l.t('tab.updateStatusFor', { event: marker }).split(marker);
  return (event) => pieces.join(event.name);
}

function responseCell(line: ResponseLine | null, render: CampaignRowContext): TemplateResult {
  if (!line) return html`<span class="none">${render.noResponse}</span>`;
  const { details, categories } = render.labels;
  const detail = details.get(line.detailId) ?? line.detailId;
  // A symbol property read: a line the server holds has none, and costs nothing more.
  const mark = syncMarkOf(line);
  const delayNote = DELAYED_CATEGORIES.has(line.categoryId) ? html`<p part="delay-note" class="delay-note">${render.delayNote}</p>` : nothing;
  // One part for the mark and the note, as before there were marks: an unmarked row has no node more.
  const category = categories.get(line.categoryId) ?? line.categoryId;
  // "Responded · Responded" says nothing twice: a detail named as its category stands alone.
  const categoryPart = category === detail ? nothing : html` · <span part="response-category" class="category">${category}</span>`;
  return html`<span part="response-detail">${detail}</span>${categoryPart}${
      mark ? html`${renderSyncMark(render.l, mark, detail)}${delayNote}` : delayNote
    }`;
}

function eventItem(event: CampaignEvent, render: CampaignRowContext): TemplateResult {
  return html`<li part="event">${event.name}<button
      type="button"
      part="update-button"
      data-event=${event.id}
      aria-label=${render.updateStatusFor(event)}
      ?disabled=${!render.mayUpdate}
      aria-describedby=${render.mayUpdate ? nothing : 'read-only-reason'}
    >${render.updateStatus}</button></li>`;
}

function historyRow(campaign: RecipientCampaign, historyId: string, render: CampaignRowContext): TemplateResult {
  return html`<tr role="row" part="history-row" id=${historyId}>
    <td role="cell" colspan=${render.columnCount}>
      <response-history
        exportparts=${HISTORY_EXPORTPARTS}
        .dataClient=${render.client}
        .recipient=${render.recipient}
        .campaigns=${render.campaigns}
        .vocabulary=${render.vocabulary}
        .undoDelayMs=${render.undoDelayMs}
        recipient-id=${render.recipient.id}
        campaign-id=${campaign.id}
      ></response-history>
    </td>
  </tr>`;
}

/**
 * The cells of a campaign's row: its title with the disclosure button, its events each with Update
 * Status, the latest response, and its date. Written without whitespace between the cells' tags: a
 * row is cloned 100 times, and every blank text node is one more node to clone, style and skip.
 */
export function renderCampaignCells(campaign: RecipientCampaign, render: CampaignRowContext): TemplateResult {
  const expanded = render.expanded.has(campaign.id);
  const latest = campaign.latestResponse;
  return html`<th scope="row" role="rowheader" part="campaign-title"><button
      type="button"
      part="disclosure"
      class="disclosure"
      aria-expanded=${expanded ? 'true' : 'false'}
      aria-controls=${ifDefined(expanded ? `history-${campaign.id}` : undefined)}
    >${campaign.title}</button></th><td role="cell" part="events-cell"><ul part="events" class="events">${campaign.events.map((event) =>
      eventItem(event, render),
    )}</ul></td><td role="cell" part="response">${responseCell(latest, render)}</td><td role="cell" part="date">${
      latest ? html`<time datetime=${latest.respondedAt}>${render.l.instant(latest.respondedAt)}</time>` : nothing
    }</td>`;
}

/**
 * A campaign's `<tbody>` with the kit's own cells written into the same template (the same markup
 * as `renderCampaignCells()` inside `renderCampaignRow()`): what the tab renders unless a subclass
 * overrides `renderCells()`, because a nested template per row costs 100 more template instances
 * and markers on the first paint. test/browser/extending.test.ts checks that both render the same.
 */
export function renderCampaignRowInline(campaign: RecipientCampaign, render: CampaignRowContext): TemplateResult {
  const expanded = render.expanded.has(campaign.id);
  const latest = campaign.latestResponse;
  return html`<tbody role="rowgroup" part="campaign" data-campaign=${campaign.id}><tr role="row" part="row"><th scope="row" role="rowheader" part="campaign-title"><button
      type="button"
      part="disclosure"
      class="disclosure"
      aria-expanded=${expanded ? 'true' : 'false'}
      aria-controls=${ifDefined(expanded ? `history-${campaign.id}` : undefined)}
    >${campaign.title}</button></th><td role="cell" part="events-cell"><ul part="events" class="events">${campaign.events.map((event) =>
      eventItem(event, render),
    )}</ul></td><td role="cell" part="response">${responseCell(latest, render)}</td><td role="cell" part="date">${
      latest ? html`<time datetime=${latest.respondedAt}>${render.l.instant(latest.respondedAt)}</time>` : nothing
    }</td></tr>${
    expanded ? historyRow(campaign, `history-${campaign.id}`, render) : nothing
  }</tbody>`;
}

/** A campaign's `<tbody>`: its row of `cells` and, expanded, the row holding its history. */
export function renderCampaignRow(campaign: RecipientCampaign, render: CampaignRowContext, cells: TemplateResult): TemplateResult {
  const expanded = render.expanded.has(campaign.id);
  return html`<tbody role="rowgroup" part="campaign" data-campaign=${campaign.id}><tr role="row" part="row">${cells}</tr>${
    expanded ? historyRow(campaign, `history-${campaign.id}`, render) : nothing
  }</tbody>`;
}

/** The header cells of the four columns. */
export function renderColumnHeaders(l: Localizer): TemplateResult {
  return html`<th scope="col" role="columnheader" part="column-header">${l.t('tab.col.campaign')}</th><th scope="col" role="columnheader" part="column-header">${l.t(
      'tab.col.events',
    )}</th><th scope="col" role="columnheader" part="column-header">${l.t('tab.col.response')}</th><th scope="col" role="columnheader" part="column-header">${l.t('tab.col.date')}</th>`;
}

/** A CSS string holding `text` as it is. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\a ')}"`;

const columnLabelsOf = new WeakMap<Localizer, Record<string, string>>();

/**
 * The column names as custom properties on the table, for the labels a narrow container shows
 * before each field (generated content): set once per render instead of an attribute per cell, and
 * through the CSSOM (styleMap), which a Content-Security-Policy without 'unsafe-inline' allows.
 */
function columnLabels(l: Localizer): Record<string, string> {
  let labels = columnLabelsOf.get(l);
  if (labels === undefined) {
    labels = {
      '--_label-events': cssString(l.t('tab.col.events')),
      '--_label-response': cssString(l.t('tab.col.response')),
      '--_label-date': cssString(l.t('tab.col.date')),
    };
    columnLabelsOf.set(l, labels);
  }
  return labels;
}

/** What a render of the table's rows shares (labels looked up once, not once per row). */
export function rowContext(context: RowsContext, columnCount: number): CampaignRowContext {
  return {
    ...context,
    labels: labelsOf(context.vocabulary, context.l),
    updateStatus: context.l.t('tab.updateStatus'),
    updateStatusFor: updateStatusLabel(context.l),
    mayUpdate: context.client.can('write'),
    noResponse: context.l.t('tab.noResponse'),
    delayNote: context.l.t('tab.delayNote'),
    columnCount,
  };
}

/**
 * The table of campaigns sent to the recipient. Its buttons carry no listeners: the tab listens
 * once, on the table, and finds the campaign and event from `data-campaign` and `data-event`.
 */
export function renderCampaignTable(
  render: CampaignRowContext,
  columns: TemplateResult,
  row: (campaign: RecipientCampaign) => TemplateResult,
  onClick: (event: Event) => void,
): TemplateResult {
  return html`<table role="table" part="table" style=${styleMap(columnLabels(render.l))} @click=${onClick}>
    <caption class="visually-hidden">${render.l.t('tab.caption')}</caption>
    <thead role="rowgroup" part="head">
      <tr role="row">${columns}</tr>
    </thead>
    ${repeat(render.campaigns, (campaign) => campaign.id, row)}
  </table>`;
}
