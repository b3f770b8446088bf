import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CampaignStats } from '../../model/campaign-stats.js';
import type { CampaignChange } from '../../data/reports-client.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { LoadController } from '../base/load-controller.js';
import { CrCampaignElement } from '../base/cr-campaign-element.js';
import { errorMessage, failureKind, renderEmpty, renderLoading, renderNoClient } from '../base/states.js';
import { renderEventTable } from './event-table.js';
import { moneyItems, reachItems, renderFigureList } from './figures.js';
import { formatsFor, type Formats } from './format.js';
import { funnelSteps, renderFunnel } from './funnel-chart.js';
import { styles } from './campaign-stats-panel.styles.js';
import { tableStyles } from './tables.styles.js';
import { renderTimeline } from './timeline-chart.js';

/**
 * @tagname campaign-stats-panel
 * @summary A campaign's Statistics subtab: cost, revenue, profit, ROI, cost per lead and per
 * purchaser; leads, purchasers, website visitors; sent, bounced, opened, clicked through,
 * responded, unsubscribed with their rates; a funnel, responses over time, and a table per event.
 *
 * Each derived figure reveals its formula with the inputs used, and says why when it is not
 * available. The figures are a snapshot: the panel says as of when and when the next update comes,
 * and Refresh asks the backend to recompute now. Works alone with `api-base` (and `token` or
 * `getToken`), or with a `reportsClient`, a `<campaign-data-provider>` around it, or
 * `configureCampaignKit()`.
 *
 * Render pieces a subclass may override: `renderHeader()`, `renderFigures()`.
 *
 * @slot empty - Shown when the campaign has not been sent to anyone.
 * @slot actions - Host buttons beside Refresh.
 *
 * @csspart header - Title, as-of line and actions.
 * @csspart title - The campaign's title.
 * @csspart as-of - "As of 14:00, next update about 16:00".
 * @csspart refresh-button - Refresh (recomputes now).
 * @csspart machine-toggle - The label of "Leave out machine opens and clicks".
 * @csspart section - Each titled section.
 * @csspart section-title - Its heading.
 * @csspart figures - A list of figures (also `money` or `reach`).
 * @csspart money - The list of money figures.
 * @csspart reach - The list of reach figures.
 * @csspart figure - One figure: label, value, note, formula.
 * @csspart figure-label - Its name.
 * @csspart figure-value - Its value, or "Not available".
 * @csspart figure-note - Its rate, or why it is not available (then also `reason`).
 * @csspart reason - A figure's note saying why it is not available.
 * @csspart formula-button - The "?" that reveals the formula.
 * @csspart formula - The formula with its inputs.
 * @csspart funnel - The funnel figure.
 * @csspart funnel-chart - The funnel's SVG.
 * @csspart funnel-notes - Under the funnel: where a step is not a subset of the one before, and why.
 * @csspart timeline - Responses over time.
 * @csspart timeline-chart - Its SVG.
 * @csspart timeline-empty - "No opens, clicks or responses yet."
 * @csspart timeline-unavailable - The backend does not offer the timeline.
 * @csspart legend - The timeline's legend.
 * @csspart numbers - "Show the numbers" under a picture.
 * @csspart numbers-table - Its table.
 * @csspart events-scroll - The per-event table's horizontal scroller.
 * @csspart events-table - The per-event `<table>`.
 * @csspart event-row - A row of it.
 * @csspart events-empty - The campaign has no events.
 * @csspart events-note - Under the table: what an event's ROI leaves out.
 * @csspart event-formulas - The disclosure with each event's ROI formula and its inputs.
 * @csspart loading - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error state (also `auth`, `not-found`).
 * @csspart auth - The error is a missing permission.
 * @csspart not-found - The campaign was not found.
 * @csspart retry-button - Retry.
 *
 * @cssprop [--cr-campaign-stats-panel-chart-1=var(--cr-color-accent)] - Funnel bars and the first series (opens).
 * @cssprop [--cr-campaign-stats-panel-chart-2=var(--cr-color-warning)] - The second series (clicks).
 * @cssprop [--cr-campaign-stats-panel-chart-3=var(--cr-color-success)] - The third series (responses).
 * @cssprop [--cr-campaign-stats-panel-min-height=28rem] - Height reserved while loading.
 * @cssprop [--cr-campaign-stats-panel-section-background=var(--cr-color-surface)] - Background of each section.
 * @cssprop-globals The kit's global tokens, documented once in scripts/manifest-shared-docs.mjs.
 *
 * @fires {AuthRequiredEvent} cr-auth-required - The backend answered 401/403; `retryAfter()` retries.
 */
export class CampaignStatsPanel extends CrCampaignElement {
  static override styles = [sharedStyles, styles, tableStyles];

  /** Shows opens and clicks judged human only (mail privacy proxies and link scanners left out). */
  @property({ type: Boolean, reflect: true, attribute: 'exclude-machines' }) excludeMachines = false;

  @state() private openFormulas: ReadonlySet<string> = new Set();
  @state() private announcement = '';

  /** The last figures shown, kept while a refresh runs so the panel does not jump to a skeleton. */
  get #shown(): CampaignStats | undefined {
    return this.#load.value;
  }
  #freshWanted = false;

  #load = new LoadController(this, {
    args: () => [this.reports.client, this.campaignId, this.token] as const,
    load: async ([client, campaignId], signal): Promise<CampaignStats | undefined> => {
      if (!client || !campaignId) return undefined;
      // A Refresh overtaken by a newer read (a live change meanwhile) passes its wish on to that
      // read: the figures shown are recomputed, and the person hears that they were.
      const fresh = this.#freshWanted;
      try {
        const stats = await client.getCampaignStats(campaignId, { fresh, signal });
        if (fresh) {
          this.#freshWanted = false;
          this.announcement = this.t('stats.refreshed');
        }
        return stats;
      } catch (error) {
        // Failed, not overtaken: the wish ends here, or every live read after it would ask again.
        if (fresh && !signal.aborted) this.#freshWanted = false;
        throw error;
      }
    },
    failed: (error, retry) => this.announceFailure(error, retry),
  });

  /** Asks the backend to recompute the figures now (`fresh`), and shows them. */
  refresh(): Promise<void> {
    this.#freshWanted = true;
    this.announcement = '';
    return this.#load.run();
  }

  /** Reads the figures again (the snapshot, not recomputed). */
  reload(): Promise<void> {
    return this.#load.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('campaignId') && changed.get('campaignId') !== undefined) {
      this.#load.show(undefined);
      this.openFormulas = new Set();
    }
  }

  protected override campaignChanged(change: CampaignChange): void {
    // Another element's fresh read brought the figures already.
    if (change.kind === 'refreshed') {
      if (this.#load.pending) return;
      this.#load.show(change.stats);
    } else void this.#load.run();
  }

  #toggleFormula = (key: string) => {
    const next = new Set(this.openFormulas);
    if (!next.delete(key)) next.add(key);
    this.openFormulas = next;
  };

  #onMachinesChange = (event: Event) => {
    this.excludeMachines = (event.target as HTMLInputElement).checked;
  };

  override render(): TemplateResult {
    if (!this.reports.client) return renderNoClient(this.localizer, 'reportsClient', this.reports.waiting);
    const pending = this.#load.pending;
    return html`<section class="panel" aria-label=${this.t('stats.label')} aria-busy=${pending ? 'true' : 'false'}>
      ${this.#shown ? this.#renderStats(this.#shown, pending) : this.#renderState()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </section>`;
  }

  #renderState(): unknown {
    return this.#load.render({
      initial: () => (this.campaignId ? renderLoading(this.localizer, 10) : nothing),
      pending: () => renderLoading(this.localizer, 10),
      error: (error) => this.#renderFailure(error),
      complete: () => nothing,
    });
  }

  #renderFailure(error: unknown): TemplateResult {
    const kind = failureKind(error);
    const message =
      kind === 'auth' ? this.t('state.auth') : kind === 'not-found' ? this.t('stats.notFound') : this.t('state.error', { message: errorMessage(error, this.localizer) });
    return html`<div class="state ${kind}" part=${kind === 'error' ? 'error' : `error ${kind}`}>
      <p role="alert">${message}</p>
      <button type="button" part="retry-button" @click=${() => void this.#load.run()}>${this.t('state.retry')}</button>
    </div>`;
  }

  #renderStats(stats: CampaignStats, pending: boolean): TemplateResult {
    const f = formatsFor(this.localizer, stats.currency);
    return html`${this.renderHeader(stats, f, pending)}
      ${stats.totals.recipients === 0 && stats.totals.sent.count === 0
        ? renderEmpty(this.t('stats.empty'))
        : this.renderFigures(stats, f)}`;
  }

  /**
   * Title, as-of line, Refresh, the machines toggle and the host's `actions` slot. `f` formats in
   * the panel's locale, currency and time zone; `pending` while a read or refresh runs.
   */
  protected renderHeader(stats: CampaignStats, f: Formats, pending: boolean): TemplateResult {
    const time = (iso: string) => html`<time datetime=${iso}>${f.instant(iso)}</time>`;
    return html`<header part="header" class="header">
      <h2 part="title"><bdi>${stats.title}</bdi></h2>
      <p part="as-of" class="as-of">${this.localizer.tParts('stats.asOf', { asOf: time(stats.asOf), next: time(stats.nextRefreshAt) })}</p>
      <div class="actions">
        <button type="button" part="refresh-button" ?disabled=${pending} @click=${() => void this.refresh()}>
          ${pending ? this.t('stats.refreshing') : this.t('stats.refresh')}
        </button>
        <label part="machine-toggle" class="toggle">
          <input type="checkbox" .checked=${this.excludeMachines} @change=${this.#onMachinesChange} />
          ${this.t('stats.excludeMachines')}
        </label>
        <slot name="actions"></slot>
      </div>
      <p class="muted hint">${this.t('stats.excludeMachinesHint')}</p>
    </header>`;
  }

  /** The sections: money, reach, funnel, timeline and the per-event table. A subclass may add its own. */
  protected renderFigures(stats: CampaignStats, f: Formats): TemplateResult {
    const section = (id: string, title: string, body: unknown) =>
      html`<section part="section" class="section ${id}" aria-labelledby="heading-${id}">
        <h3 id="heading-${id}" part="section-title">${title}</h3>
        ${body}
      </section>`;
    const eventCosts = stats.events.map((e) => e.ownCost);
    // The charts are drawn in SVG coordinates: mirrored here when the page around reads right to
    // left (a change of `dir` comes with one of `lang`, which re-renders the panel).
    const rtl = this.matches(':dir(rtl)');
    return html`<div class="columns">
        ${section('money', this.t('stats.section.money'), renderFigureList('money', moneyItems(stats.totals, eventCosts, f), this.openFormulas, this.localizer, this.#toggleFormula))}
        ${section('reach', this.t('stats.section.reach'), renderFigureList('reach', reachItems(stats.totals, this.excludeMachines, f), this.openFormulas, this.localizer, this.#toggleFormula))}
      </div>
      <div class="columns">
        ${section('funnel', this.t('stats.section.funnel'), renderFunnel(funnelSteps(this.localizer, stats.totals, this.excludeMachines), f, rtl))}
        ${section('timeline', this.t('stats.section.timeline'), renderTimeline(stats.timeline, this.excludeMachines, f, rtl))}
      </div>
      ${section('events', this.t('stats.section.events'), renderEventTable(stats.events, this.excludeMachines, f, stats.totals.ownCost))}`;
  }
}
