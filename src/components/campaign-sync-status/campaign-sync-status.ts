import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { SyncEvent, SyncStatus } from '../../data/sync.js';
import type { ResponseVocabulary } from '../../model/types.js';
import { CrDataClientElement } from '../base/cr-data-element.js';
import { claimSyncNews, syncDomEvent } from '../base/sync-news.js';
import { renderNoClient } from '../base/states.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './campaign-sync-status.styles.js';
import { renderProblemList } from './sync-problem.js';
import { renderSyncSummary } from './sync-summary.js';
import { renderArrival, renderLiveState } from './live-status.js';
import { ProblemActions } from './problem-actions.js';
import type { LiveState } from '../../data/live/live-hub.js';
import type { LiveArrival } from '../../data/live/recipient-live.js';
import { registerEnglish } from '../../i18n/translate.js';
import { enSync } from '../../i18n/en/sync.js';

/** How often the age of the oldest waiting edit is brought up to date while something waits. */
const AGE_TICK_MS = 15_000;

/**
 * @tagname campaign-sync-status
 * @summary Whether the page is live (others' changes show as they happen), and where a person's
 * edits stand: online or offline (by what requests do), how many edits
 * wait to be sent and since when, whether sending runs, failed and conflicted edits, and when the
 * last sync was. The edits that need a person expand into a list with the server's reason, the
 * server's version beside ours for a conflict, Retry and Discard (which asks first).
 *
 * Render pieces a subclass may override: `renderSummary()`.
 *
 * Uses the page's data client like the other elements (`dataClient`, a provider, or
 * `configureCampaignKit()`); with a client without offline edits it says edits are sent directly.
 *
 * @csspart summary - The one-line status (a polite live region).
 * @csspart connectivity - Online / Offline, with its glyph.
 * @csspart pending - The count of edits waiting, with the age of the oldest.
 * @csspart syncing - "Sending…".
 * @csspart failed - The count of failed edits.
 * @csspart conflict - The count of conflicts.
 * @csspart last-sync - When the queue last emptied.
 * @csspart notice - "Offline edits are not available in this browser", or "sent straight to the server".
 * @csspart paused - Sending waits for a new sign-in, with Resume.
 * @csspart resume-button - Resume sending.
 * @csspart toggle - The button that shows or hides the edits that need a person.
 * @csspart problems - Their list.
 * @csspart problem - One failed or conflicted edit.
 * @csspart problem-what - What the edit was.
 * @csspart sync-mark - Its state (also `sync-failed` or `sync-conflict`).
 * @csspart sync-failed - The state: the server refused it.
 * @csspart sync-conflict - The state: the server holds another version.
 * @csspart reason - The server's reason.
 * @csspart versions - For a conflict: ours beside the server's, as a table.
 * @csspart versions-unknown - For a conflict whose server version could not be fetched.
 * @csspart actions - Retry and Discard.
 * @csspart retry-button - Retry.
 * @csspart discard-button - Discard… (asks first).
 * @csspart discard-confirmation - The question, with Discard edit and Keep it.
 * @csspart confirm-discard-button - Discard edit.
 * @csspart keep-button - Keep it.
 * @csspart action-error - A Retry or Discard that did not work.
 * @csspart error - No data client was found (see `configureCampaignKit()`).
 * @csspart live - Live, connecting or reconnecting, with its glyph (absent when the page is not live).
 * @csspart live-announcement - Visually hidden polite region: "3 new responses arrived", once per burst.
 *
 * @cssprop [--cr-campaign-sync-status-gap=var(--cr-space-m)] - Space between its parts.
 * @cssprop [--cr-campaign-sync-status-online-color=var(--cr-color-success)] - The online glyph (always with the word, too).
 * @cssprop [--cr-campaign-sync-status-offline-color=var(--cr-color-warning)] - Offline (always with the word and a glyph, too).
 * @cssprop [--cr-campaign-sync-status-live-color=var(--cr-color-success)] - The live glyph (always with the words, too).
 * @cssprop-globals The kit's global tokens, documented once in scripts/manifest-shared-docs.mjs.
 *
 * @fires {ResponseSavedEvent} cr-response-saved - A queued response line reached the backend (`event.line`, as stored); fired by the status of the tab that sent it, once. (Without offline edits the dialog fires it when it saves.)
 * @fires {SyncCompleteEvent} cr-sync-complete - The queue has nothing left to send now.
 * @fires {SyncFailedEvent} cr-sync-failed - Sending an edit failed (`final`: it waits for a person).
 * @fires {AuthRequiredEvent} cr-auth-required - The server answered 401 to a queued edit: sending waits; `retryAfter(promise)` resumes it once the host has a new token.
 */
export class CampaignSyncStatus extends CrDataClientElement {
  static {
    // The element's own English strings (the rest of the table stays out of its bundle).
    registerEnglish(enSync);
  }

  static override styles = [sharedStyles, styles];

  /** Whether the list of edits that need a person is shown. */
  @property({ type: Boolean, reflect: true }) expanded = false;

  @state() private status: SyncStatus | undefined;
  @state() private now = Date.now();
  @state() private vocabulary: ResponseVocabulary | undefined;
  @state() private liveState: LiveState = 'off';
  @state() private arrival = '';

  #subscription: { client: CampaignDataClient; unsubscribe: () => void } | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #reading: Promise<void> | undefined;
  #readAgain = false;
  #actions = new ProblemActions(this, {
    client: () => this.data.client,
    localizer: () => this.localizer,
    refresh: () => this.refresh(),
    root: () => this.renderRoot,
  });

  /** Reads the status again (it does so by itself on every change it hears of). */
  refresh(): Promise<void> {
    if (this.#reading) {
      this.#readAgain = true;
      return this.#reading;
    }
    this.#reading = this.#read().finally(() => {
      this.#reading = undefined;
      if (this.#readAgain) {
        this.#readAgain = false;
        void this.refresh();
      }
    });
    return this.#reading;
  }

  async #read(): Promise<void> {
    const client = this.data.client;
    if (!client) return;
    try {
      const status = await client.getSyncStatus();
      if (client !== this.data.client) return;
      this.status = status;
      this.now = Date.now();
      if (status.problems.length > 0 && !this.vocabulary) {
        this.vocabulary = await client.getVocabulary().catch(() => undefined);
      }
      this.#actions.seen(status);
    } catch (error) {
      this.#actions.failed(error);
    }
    this.#tick();
  }

  /** Keeps "the oldest made 5 minutes ago" true while something waits, and only then. */
  #tick(): void {
    const waiting = (this.status?.pending ?? 0) + (this.status?.syncing ?? 0) > 0;
    if (waiting && this.#ticker === undefined && this.isConnected) {
      this.#ticker = setInterval(() => (this.now = Date.now()), AGE_TICK_MS);
    } else if (!waiting && this.#ticker !== undefined) {
      clearInterval(this.#ticker);
      this.#ticker = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const client = this.data.client;
    if (this.#subscription?.client === client) return;
    this.#subscription?.unsubscribe();
    if (client) {
      const stopSync = client.subscribeSync((event) => this.#onSync(client, event));
      const release = claimSyncNews(client, this);
      const stopLive = client.subscribeLive((news) => {
        if (news.kind === 'state') this.liveState = news.state;
        else void this.#announce(news.arrival);
      });
      this.liveState = client.liveState;
      this.#subscription = { client, unsubscribe: () => (stopSync(), release(), stopLive()) };
    } else {
      this.#subscription = undefined;
    }
    this.status = undefined;
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  /** Emptied first, so the same words for the next burst are announced again. */
  async #announce(arrival: LiveArrival): Promise<void> {
    this.arrival = '';
    await this.updateComplete;
    this.arrival = this.localizer.tPlural('sync.live.arrived', arrival.lines + arrival.tracked);
  }

  #onSync(client: CampaignDataClient, event: SyncEvent): void {
    const announced = syncDomEvent(client, event);
    if (announced) this.emit(announced);
    void this.refresh();
  }

  override render(): TemplateResult {
    const client = this.data.client;
    if (!client) return renderNoClient(this.localizer, 'dataClient', this.data.waiting);
    return html`${this.#renderEdits(client)}${renderLiveState(this.localizer, this.liveState)}${renderArrival(this.arrival)}`;
  }

  #renderEdits(client: CampaignDataClient): TemplateResult {
    const status = this.status;
    if (!status || status.mode === 'opening') return html`<p part="summary" class="summary" role="status">${this.t('sync.opening')}</p>`;
    if (status.mode === 'off') return html`<p part="notice" class="notice">${this.t('sync.off')}</p>`;
    return html`<div role="group" aria-label=${this.t('sync.label')}>
      ${this.renderSummary(status)}
      ${status.mode === 'unavailable' ? html`<p part="notice" class="notice" role="note">${this.t('offline.unavailable')}</p>` : nothing}
      ${status.authPaused
        ? html`<p part="paused" class="paused">
            ${this.t('sync.authPaused')}
            <button type="button" part="resume-button" @click=${() => client.resumeSync()}>${this.t('sync.resume')}</button>
          </p>`
        : nothing}
      ${renderProblemList(status.problems, {
        l: this.localizer,
        vocabulary: this.vocabulary,
        expanded: this.expanded,
        confirming: this.#actions.confirming,
        busy: this.#actions.busy,
        onToggle: () => (this.expanded = !this.expanded),
        onClick: this.#actions.onClick,
      })}
      <p part="action-error" class="action-error" role="alert">${this.#actions.error}</p>
    </div>`;
  }

  /** The one-line status (a polite live region): connectivity, waiting, sending, failed, conflicts, last sync. */
  protected renderSummary(status: SyncStatus): TemplateResult {
    return renderSyncSummary(this.localizer, status, this.now);
  }
}
