import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Clicker, Clickthrough, ClickthroughEvent, ClickthroughLink } from '../../model/campaign-stats.js';
import type { CampaignChange } from '../../data/reports-client.js';
import { LoadController } from '../base/load-controller.js';
import { CrCampaignElement } from '../base/cr-campaign-element.js';
import { renderEmpty, renderLoading, renderNoClient } from '../base/states.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { reportTableStyles } from '../../styles/report-table.styles.js';
import { renderReportFailure, renderTime } from '../campaign-response-report/report-parts.js';
import type { Localizer } from '../../i18n/localizer.js';
import { styles } from './campaign-clickthrough-report.styles.js';
import { machineReasonText } from '../base/machine-cause.js';

function clickerReason(l: Localizer, clicker: Clicker): string {
  const reason = machineReasonText(l, clicker.machineCause, clicker.machineReason);
  return reason ? l.t('clicks.machineReason', { reason }) : l.t('clicks.machine');
}

/**
 * Whether a stored URL may be a link: only an absolute http(s) URL. `javascript:`, `data:`,
 * `vbscript:` and anything `new URL()` cannot parse on its own stay text.
 */
export function isClickableUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * @tagname campaign-clickthrough-report
 * @summary A campaign's clickthrough report: per email event, each link with its clicks, unique
 * clickers and machine clicks, and (behind a disclosure button) who clicked when. A URL is a link
 * only when it is http(s); anything else is shown as text.
 *
 * Render pieces a subclass may override: `renderEvent()`.
 *
 * @slot empty - Shown when the campaign has no tracked links.
 *
 * @csspart event-scroll - One event's horizontal scroller.
 * @csspart event - One event's table.
 * @csspart link-row - One link's row.
 * @csspart url - The URL (an `<a>` for http(s), else text).
 * @csspart url-text - A URL that is not a web address, shown as text.
 * @csspart clicks - Clicks.
 * @csspart unique - Unique clickers.
 * @csspart machine-clicks - Machine clicks.
 * @csspart toggle - The "Who clicked" disclosure button.
 * @csspart clickers - The row with who clicked.
 * @csspart clickers-table - The table of who clicked when.
 * @csspart clicker - One click.
 * @csspart clicker-time - When.
 * @csspart machine-mark - "Machine" on a click judged a machine.
 * @csspart no-clicks - "Nobody has clicked this link yet."
 * @csspart loading - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error state (also `auth`, `not-found`).
 * @csspart auth - The error is a missing permission.
 * @csspart not-found - The campaign was not found.
 * @csspart retry-button - Retry.
 *
 * @cssprop [--cr-campaign-clickthrough-report-min-height=12rem] - Space kept for the report while it loads.
 * @cssprop [--cr-campaign-clickthrough-report-header-background=var(--cr-color-surface-alt)] - Background of the header rows.
 * @cssprop [--cr-color-machine=var(--cr-color-text-muted)] - Global: the machine mark's colour.
 * @cssprop-globals The kit's global tokens, documented once in scripts/manifest-shared-docs.mjs.
 *
 * @fires {AuthRequiredEvent} cr-auth-required - The backend answered 401/403; `retryAfter()` retries.
 */
export class CampaignClickthroughReport extends CrCampaignElement {
  static override styles = [sharedStyles, reportTableStyles, styles];

  /** Only this email event's links; every email event's when absent. */
  @property({ attribute: 'event-id', reflect: true }) eventId: string | undefined;

  /** Links whose clickers are shown, by `eventId/linkId`. */
  @state() private expanded = new Set<string>();

  #load = new LoadController(this, {
    args: () => [this.reports.client, this.campaignId, this.eventId, this.token] as const,
    load: async ([client, campaignId, eventId], signal): Promise<Clickthrough | undefined> =>
      client && campaignId ? client.getClickthrough(campaignId, { eventId: eventId || undefined, signal }) : undefined,
    failed: (error, retry) => this.announceFailure(error, retry),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('campaignId') && changed.get('campaignId') !== undefined) || (changed.has('eventId') && changed.get('eventId') !== undefined)) {
      this.#load.show(undefined);
      this.expanded = new Set();
    }
  }

  protected override campaignChanged(_change: CampaignChange): void {
    void this.#load.run();
  }

  #toggle(key: string): void {
    const expanded = new Set(this.expanded);
    if (!expanded.delete(key)) expanded.add(key);
    this.expanded = expanded;
  }

  override render(): TemplateResult {
    if (!this.reports.client) return renderNoClient(this.localizer, 'reportsClient', this.reports.waiting);
    return this.#load.render({
      initial: () => this.#renderLoading(),
      pending: () => this.#renderLoading(),
      error: (error) => renderReportFailure(this.localizer, error, () => void this.#load.run(), 'clicks.notFound'),
      complete: (clickthrough) => this.#renderReport(clickthrough),
    }) as TemplateResult;
  }

  #renderLoading(): TemplateResult {
    return html`<div class="placeholder">${renderLoading(this.localizer, 4)}</div>`;
  }

  #renderReport(clickthrough: Clickthrough): TemplateResult {
    const events = clickthrough.events.filter((event) => event.links.length > 0);
    if (events.length === 0) return renderEmpty(this.t('clicks.empty'));
    return html`<div class="report">${events.map((event, index) => this.renderEvent(event, index))}</div>`;
  }

  /** One email event's links; a subclass may change how an event is shown. */
  protected renderEvent(event: ClickthroughEvent, eventIndex: number): TemplateResult {
    return html`<div class="table-scroll" part="event-scroll">
      <table part="event" data-event=${event.eventId}>
        <caption>${this.localizer.tParts('clicks.caption', { event: html`<bdi>${event.name}</bdi>` })}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t('clicks.col.link')}</th>
            <th scope="col" class="number">${this.t('clicks.col.clicks')}</th>
            <th scope="col" class="number">${this.t('clicks.col.unique')}</th>
            <th scope="col" class="number">${this.t('clicks.col.machine')}</th>
            <th scope="col">${this.t('clicks.col.who')}</th>
          </tr>
        </thead>
        ${event.links.map((link, linkIndex) => this.#renderLink(event, link, `${eventIndex}-${linkIndex}`))}
      </table>
    </div>`;
  }

  #renderLink(event: ClickthroughEvent, link: ClickthroughLink, place: string): TemplateResult {
    const key = `${event.eventId}/${link.linkId}`;
    const open = this.expanded.has(key);
    // Ids from positions: event and link ids are data and may hold anything.
    const ids = { url: `url-${place}`, clickers: `clickers-${place}` };
    return html`<tbody data-link=${link.linkId}>
      <tr part="link-row">
        <th scope="row" id=${ids.url} class="url">${renderUrl(this.localizer, link.url)}</th>
        <td part="clicks" class="number">${this.localizer.count(link.clicks)}</td>
        <td part="unique" class="number">${this.localizer.count(link.uniqueClickers)}</td>
        <td part="machine-clicks" class="number">${this.localizer.count(link.machineClicks)}</td>
        <td>
          <button
            type="button"
            part="toggle"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${ids.clickers}
            aria-describedby=${ids.url}
            @click=${() => this.#toggle(key)}
          >
            ${this.t('clicks.who')}
          </button>
        </td>
      </tr>
      <tr part="clickers" id=${ids.clickers} ?hidden=${!open}>
        <td colspan="5">${open ? renderClickers(this.localizer, link) : nothing}</td>
      </tr>
    </tbody>`;
  }
}

function renderUrl(l: Localizer, url: string): TemplateResult {
  return isClickableUrl(url)
    ? html`<a part="url" href=${url} dir="ltr" target="_blank" rel="noopener noreferrer">${url}</a>`
    : html`<span part="url url-text" dir="ltr" title=${l.t('clicks.notWebUrl')}>${url}</span>`;
}

function renderClickers(l: Localizer, link: ClickthroughLink): TemplateResult {
  if (link.clickers.length === 0) return html`<p part="no-clicks" class="no-clicks">${l.t('clicks.noClicks')}</p>`;
  return html`<table class="clickers" part="clickers-table">
    <caption class="visually-hidden">${l.t('clicks.whoCaption', { url: link.url })}</caption>
    <thead>
      <tr>
        <th scope="col">${l.t('clicks.col.recipient')}</th>
        <th scope="col">${l.t('clicks.col.when')}</th>
        <th scope="col">${l.t('clicks.col.kind')}</th>
      </tr>
    </thead>
    <tbody>
      ${link.clickers.map(
        (clicker) => html`<tr part="clicker">
          <td><bdi>${clicker.recipientName}</bdi></td>
          <td>${renderTime(l, clicker.clickedAt, 'clicker-time')}</td>
          <td>
            ${clicker.machine
              ? html`<span part="machine-mark" class="machine">${clickerReason(l, clicker)}</span>`
              : l.t('clicks.person')}
          </td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
