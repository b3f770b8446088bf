import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { CampaignStats } from '../../model/campaign-stats.js';
import type { CampaignChange } from '../../data/reports-client.js';
import { t } from '../../i18n/translate.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { CrCampaignElement } from '../base/cr-campaign-element.js';
import { errorMessage, failureKind, renderEmpty, renderLoading, renderNoClient } from '../base/states.js';
import { renderEventTable } from './event-table.js';
import { moneyItems, reachItems, renderFigureList } from './figures.js';
import { formatsFor, tWith, type Formats } from './format.js';
import { funnelSteps, renderFunnel } from './funnel-chart.js';
import { styles } from './campaign-stats-panel.styles.js';
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
 * @slot empty - Shown when the campaign has not been sent to anyone.
 *
 * @csspart header - Title, as-of line and actions.
 * @csspart title - The campaign's title.
 * @csspart as-of - "As of 14:00, next update about 16:00".
 * @csspart refresh-button - Refresh (recomputes now).
 * @csspart machine-toggle - The label of "Leave out machine opens and clicks".
 * @csspart section - Each titled section.
 * @csspart figures - A list of figures (also `money` or `reach`).
 * @csspart figure - One figure: label, value, note, formula.
 * @csspart figure-label - Its name.
 * @csspart figure-value - Its value, or "Not available".
 * @csspart figure-note - Its rate, or why it is not available (then also `reason`).
 * @csspart formula-button - The "?" that reveals the formula.
 * @csspart formula - The formula with its inputs.
 * @csspart funnel - The funnel figure; `funnel-chart` its SVG.
 * @csspart timeline - Responses over time; `timeline-chart` its SVG.
 * @csspart legend - The timeline's legend.
 * @csspart numbers - "Show the numbers" under a picture; `numbers-table` its table.
 * @csspart events-table - The per-event `<table>`; `event-row` a row.
 * @csspart loading - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error state (also `auth`, `not-found`).
 * @csspart retry-button - Retry.
 *
 * @cssprop --cr-campaign-stats-panel-chart-1 - Funnel bars and the first series (default `--cr-color-accent`).
 * @cssprop --cr-campaign-stats-panel-chart-2 - The second series (clicks).
 * @cssprop --cr-campaign-stats-panel-chart-3 - The third series (responses).
 * @cssprop --cr-campaign-stats-panel-min-height - Height reserved while loading (default `28rem`).
 *
 * @fires {AuthRequiredEvent} cr-auth-required - The backend answered 401/403; `retryAfter()` retries.
 */
export class CampaignStatsPanel extends CrCampaignElement {
  static override styles = [sharedStyles, styles];

  /** Shows opens and clicks judged human only (mail privacy proxies and link scanners left out). */
  @property({ type: Boolean, reflect: true, attribute: 'exclude-machines' }) excludeMachines = false;

  /** IANA time zone of the as-of times; the user's own when unset. */
  @property({ attribute: 'time-zone' }) timeZone: string | undefined;

  @state() private openFormulas: ReadonlySet<string> = new Set();
  @state() private announcement = '';

  /** The last figures shown, kept while a refresh runs so the panel does not jump to a skeleton. */
  #shown: CampaignStats | undefined;
  #freshWanted = false;

  #load = new Task(this, {
    args: () => [this.reports.client, this.campaignId, this.token] as const,
    task: async ([client, campaignId], { signal }): Promise<CampaignStats | undefined> => {
      if (!client || !campaignId) return undefined;
      const fresh = this.#freshWanted;
      this.#freshWanted = false;
      try {
        const stats = await client.getCampaignStats(campaignId, { fresh, signal: this.reports.view?.next('stats', signal) });
        this.#shown = stats;
        if (fresh) this.announcement = t('stats.refreshed');
        return stats;
      } catch (error) {
        if (!(error instanceof DOMException && error.name === 'AbortError')) this.#shown = undefined;
        return this.reportFailure(error, () => void this.#load.run());
      }
    },
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
      this.#shown = undefined;
      this.openFormulas = new Set();
    }
  }

  protected override campaignChanged(change: CampaignChange): void {
    // Another element's fresh read brought the figures already.
    if (change.kind === 'refreshed') {
      if (this.#load.status === TaskStatus.PENDING) return;
      this.#shown = change.stats;
      this.requestUpdate();
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
    if (!this.reports.client) return renderNoClient();
    const pending = this.#load.status === TaskStatus.PENDING;
    return html`<section class="panel" aria-label=${t('stats.label')} aria-busy=${pending ? 'true' : 'false'}>
      ${this.#shown ? this.#renderStats(this.#shown, pending) : this.#renderState()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </section>`;
  }

  #renderState(): unknown {
    return this.#load.render({
      initial: () => (this.campaignId ? renderLoading(10) : nothing),
      pending: () => renderLoading(10),
      error: (error) => this.#renderFailure(error),
      complete: () => nothing,
    });
  }

  #renderFailure(error: unknown): TemplateResult {
    const kind = failureKind(error);
    const message =
      kind === 'auth' ? t('state.auth') : kind === 'not-found' ? t('stats.notFound') : t('state.error', { message: errorMessage(error) });
    return html`<div class="state ${kind}" part=${kind === 'error' ? 'error' : `error ${kind}`}>
      <p role="alert">${message}</p>
      <button type="button" part="retry-button" @click=${() => void this.#load.run()}>${t('state.retry')}</button>
    </div>`;
  }

  #renderStats(stats: CampaignStats, pending: boolean): TemplateResult {
    const f = formatsFor(stats.currency, this.timeZone);
    return html`${this.#renderHeader(stats, f, pending)}
      ${stats.totals.recipients === 0 && stats.totals.sent.count === 0
        ? renderEmpty(t('stats.empty'))
        : this.#renderFigures(stats, f)}`;
  }

  #renderHeader(stats: CampaignStats, f: Formats, pending: boolean): TemplateResult {
    const time = (iso: string) => html`<time datetime=${iso}>${f.instant(iso)}</time>`;
    return html`<header part="header" class="header">
      <h2 part="title">${stats.title}</h2>
      <p part="as-of" class="as-of">${tWith('stats.asOf', { asOf: time(stats.asOf), next: time(stats.nextRefreshAt) })}</p>
      <div class="actions">
        <button type="button" part="refresh-button" ?disabled=${pending} @click=${() => void this.refresh()}>
          ${pending ? t('stats.refreshing') : t('stats.refresh')}
        </button>
        <label part="machine-toggle" class="toggle">
          <input type="checkbox" .checked=${this.excludeMachines} @change=${this.#onMachinesChange} />
          ${t('stats.excludeMachines')}
        </label>
      </div>
      <p class="muted hint">${t('stats.excludeMachinesHint')}</p>
    </header>`;
  }

  #renderFigures(stats: CampaignStats, f: Formats): TemplateResult {
    const section = (id: string, title: string, body: unknown) =>
      html`<section part="section" class="section ${id}" aria-labelledby="heading-${id}">
        <h3 id="heading-${id}">${title}</h3>
        ${body}
      </section>`;
    const eventCosts = stats.events.map((e) => e.ownCost);
    return html`<div class="columns">
        ${section('money', t('stats.section.money'), renderFigureList('money', moneyItems(stats.totals, eventCosts, f), this.openFormulas, this.#toggleFormula))}
        ${section('reach', t('stats.section.reach'), renderFigureList('reach', reachItems(stats.totals, this.excludeMachines, f), this.openFormulas, this.#toggleFormula))}
      </div>
      <div class="columns">
        ${section('funnel', t('stats.section.funnel'), renderFunnel(funnelSteps(stats.totals, this.excludeMachines), f))}
        ${section('timeline', t('stats.section.timeline'), renderTimeline(stats.timeline, this.excludeMachines, f))}
      </div>
      ${section('events', t('stats.section.events'), renderEventTable(stats.events, this.excludeMachines, f))}`;
  }
}
