import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Recipient, RecipientCampaign, ResponseLine, ResponseVocabulary } from '../../model/types.js';
import type { DataChange } from '../../data/changes.js';
import { CrDataElement } from '../base/cr-data-element.js';
import { LoadController } from '../base/load-controller.js';
import { renderEmpty, renderFailure, renderLoading, renderNoClient } from '../base/states.js';
import { syncMarkStyles } from '../base/sync-mark.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './response-history.styles.js';
import { renderHistoryLine } from './history-line.js';
import type { LineContext } from './history-line.js';
import { registerEnglish } from '../../i18n/translate.js';
import { enHistory } from '../../i18n/en/history.js';
import { LineActions } from './line-actions.js';
import { renderLineActions, renderLineNotice } from './line-actions-view.js';
import { lineActionStyles } from './line-actions.styles.js';
import { menuStyles } from '../base/menu.styles.js';
import { findDetail } from '../../model/vocabulary.js';
import { renderFilterBar, renderHistoryNotices } from './history-filters.js';
import { loadHistory, NOTHING_SHOWN, withNextPage } from './history-load.js';
import type { HistoryShown } from './history-load.js';
import { renderHistoryList } from './history-list.js';
import { HistoryFilterState } from './history-filter-state.js';

/** The most lines one reload asks for (the reference server's page cap). */
const RELOAD_MAX = 500;

/**
 * @tagname response-history
 * @summary A recipient's response history (of one campaign with `campaign-id`), newest first, in a
 * virtualized list that loads further pages as it scrolls, with filters by response and note text.
 *
 * Render pieces a subclass may override: `renderLine()`, `renderFilters()`.
 *
 * @slot empty - Shown when there are no responses.
 *
 * @csspart filters - The filter bar.
 * @csspart category-filter - The response category select.
 * @csspart note-filter - The note text input.
 * @csspart zone-toggle - The "recipient's time zone" checkbox label.
 * @csspart count - How many lines are shown of how many.
 * @csspart history-note - What the backend does not keep ("only the latest status"), above the list.
 * @csspart list - The scrolling list of lines.
 * @csspart line - One line.
 * @csspart line-head - Its first row: detail, category, time and sync mark.
 * @csspart line-detail - Its response detail.
 * @csspart line-category - Its category (left out where it reads the same as the detail).
 * @csspart line-time - When it happened.
 * @csspart line-campaign - Its campaign event, after its campaign where the history is not of one (without `campaign-id`).
 * @csspart line-meta - When recorded, author, source.
 * @csspart line-source - Manual, tracked or imported.
 * @csspart line-link - The link clicked (tracked clicks).
 * @csspart line-note - The note.
 * @csspart loading-more - "Loading more…" while the next page loads.
 * @csspart loading - The loading placeholder.
 * @csspart empty - The empty state (or no line matches the filters).
 * @csspart error - The error state (also `auth`, `not-found`).
 * @csspart auth - The error is a missing permission.
 * @csspart not-found - The recipient was not found.
 * @csspart retry-button - Retry.
 * @csspart sync-mark - The mark of a line not yet confirmed by the server (also one of the four below).
 * @csspart sync-pending - A mark: waiting to be sent.
 * @csspart sync-syncing - A mark: being sent.
 * @csspart sync-failed - A mark: the server refused it.
 * @csspart sync-conflict - A mark: the server holds another version.
 * @csspart sync-reason - The server's reason beside a failed or conflicted line.
 * @csspart sync-retry - Retry beside a failed or conflicted line.
 * @csspart stale-notice - "Offline: showing what was last seen, as of …", or that only the edits on this device are shown.
 * @csspart line-actions - A line's actions: its menu, Restore of a deleted line, Changes.
 * @csspart menu-button - A line's Actions menu button (Delete).
 * @csspart menu - A line's Actions menu.
 * @csspart menu-item - An item of that menu.
 * @csspart line-deleted - On a deleted line (shown to people who may restore): who deleted it, when.
 * @csspart line-restore - Restore on a deleted line.
 * @csspart line-changes-button - Changes: opens a line's changes from the audit trail (administrators).
 * @csspart line-changes - A line's changes, newest first.
 * @csspart line-change - One change: who added, deleted or restored the line, when.
 * @csspart line-notice - The notice after a line's Delete: Undo while it waits, Restore once sent.
 * @csspart notice-undo - Undo in that notice.
 * @csspart notice-restore - Restore in that notice, once the delete was sent.
 * @csspart notice-close - Close in that notice.
 *
 * @cssprop [--cr-response-history-height=24rem] - Height of the scrolling list.
 * @cssprop [--cr-response-history-line-padding=var(--cr-space-m)] - Space inside a line.
 * @cssprop [--cr-response-history-line-border-color=var(--cr-color-border)] - The rule between lines.
 * @cssprop-globals The kit's global tokens, documented once in scripts/manifest-shared-docs.mjs.
 *
 * @fires {AuthRequiredEvent} cr-auth-required - The backend answered 401/403; `retryAfter()` retries.
 */
export class ResponseHistory extends CrDataElement {
  static {
    // The element's own English strings (the rest of the table stays out of its bundle).
    registerEnglish(enHistory);
  }

  static override styles = [sharedStyles, styles, syncMarkStyles, menuStyles, lineActionStyles];

  /** Only the lines of this campaign; all of the recipient's when absent. */
  @property({ attribute: 'campaign-id', reflect: true }) campaignId: string | undefined;

  /** The recipient (for their time zone); loaded through the client when not given. */
  @property({ attribute: false }) recipient: Recipient | undefined;

  /** The recipient's campaigns (for titles and event names); loaded when not given. */
  @property({ attribute: false }) campaigns: RecipientCampaign[] | undefined;

  /** How long a line's Delete waits for Undo, in ms; the data client's when absent. */
  @property({ attribute: 'undo-delay-ms', type: Number }) undoDelayMs: number | undefined;

  /** The response vocabulary; loaded through the client when not given. */
  @property({ attribute: false }) vocabulary: ResponseVocabulary | undefined;

  #filters = new HistoryFilterState(this);

  get #shown(): HistoryShown {
    return this.#load.value ?? NOTHING_SHOWN;
  }
  #actions = new LineActions(this, () => this.data.client, () => this.localizer, () => this.undoDelayMs);
  /** On a reload after a change, how many lines to fetch again (so scrolled-in pages stay). */
  #reloadLimit: number | undefined;

  /** What the server is asked for: it filters, so a filter over 10,000 lines fetches only matches. */
  get #query() {
    return {
      campaignId: this.campaignId,
      categoryId: this.#filters.category || undefined,
      q: this.#filters.noteQuery.trim() || undefined,
      // People who may restore see deleted lines too, marked, with Restore.
      ...(this.#actions.showsDeleted ? { include: 'deleted' as const } : {}),
    };
  }

  #load = new LoadController(this, {
    args: () => [this.data.client, this.recipientId, this.campaignId, this.token, this.#filters.category, this.#filters.noteQuery] as const,
    load: async ([client, recipientId], signal): Promise<HistoryShown | undefined> => {
      if (!client || !recipientId) return undefined;
      const limit = this.#reloadLimit;
      this.#reloadLimit = undefined;
      // The element holds the sources it was given, and those loaded for it.
      return loadHistory(client, recipientId, () => ({ ...this.#query, limit }), this, signal);
    },
    failed: (error, retry) => this.announceFailure(error, retry),
  });

  /** Loads the next page, if any (called as the list scrolls near its end). */
  async loadMore(): Promise<void> {
    const client = this.data.client;
    const cursor = this.#shown.nextCursor;
    if (!client || !this.recipientId || !cursor) return;
    const recipientId = this.recipientId;
    await this.#load.more((signal) => client.getHistoryPage(recipientId, { ...this.#query, cursor, signal }), withNextPage);
  }

  protected override dataChanged(_change: DataChange): void {
    // Fetch as many lines as were shown, so a change does not drop the pages scrolled in.
    const shown = this.#shown.lines.length;
    if (shown > 0) this.#reloadLimit = Math.min(RELOAD_MAX, shown + 1);
    void this.#load.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#filters.cancel();
  }

  override render(): TemplateResult {
    if (!this.data.client) return renderNoClient(this.localizer, 'dataClient', this.data.waiting);
    return this.#load.render({
      initial: () => renderLoading(this.localizer, 4),
      pending: () => renderLoading(this.localizer, 4),
      error: (error) => renderFailure(this.localizer, error, () => void this.#load.run()),
      complete: (shown) => this.#renderHistory(shown),
    }) as TemplateResult;
  }

  #renderHistory({ lines, nextCursor, asOf, localOnly }: HistoryShown): TemplateResult {
    const notice = renderLineNotice(this.#actions, this.localizer, (line) => this.#detailLabel(line));
    // The notice stays when the last line went: its Undo must still be there.
    if (lines.length === 0 && !nextCursor && !this.#filters.filtering && !localOnly) return html`${renderEmpty(this.t('history.empty'))}${notice}`;
    const context: LineContext = {
      l: this.localizer,
      vocabulary: this.vocabulary,
      campaigns: this.campaigns,
      showCampaign: !this.campaignId,
      recipientTimeZone: this.recipient?.timeZone,
      showRecipientZone: this.#filters.showRecipientZone,
      extras: (line, detail) => renderLineActions(this.#actions, line, this.localizer, detail),
    };
    // A backend that keeps only the current status (Salesforce) has no earlier lines to show: say so.
    const read = this.data.client?.check('read');
    return html`${this.renderFilters(lines.length)}
      ${renderHistoryNotices(this.localizer, read?.allowed ? read.note : undefined, asOf, localOnly)}
      ${renderHistoryList({
        l: this.localizer,
        lines,
        localOnly,
        load: this.#load,
        renderLine: (line) => this.renderLine(line, context),
        loadMore: () => void this.loadMore(),
        retryEdit: (opId) => void this.data.client?.retryEdit(opId).catch(() => void this.#load.run()),
      })}
      ${notice}`;
  }

  #detailLabel(line: ResponseLine): string {
    const detail = this.vocabulary ? findDetail(this.vocabulary, line.detailId) : undefined;
    return detail ? this.localizer.detailLabel(detail) : line.detailId;
  }

  /**
   * One line of the history (`part="line"`, `role="listitem"`, `data-line` its id): a subclass may
   * show more of it, e.g. `html\`${super.renderLine(line, context)}<p>…</p>\``. `context` holds what
   * every line shares (vocabulary, campaigns, time zones). Lines are virtualized: only those in view
   * are rendered, and heights may differ.
   */
  protected renderLine(line: ResponseLine, context: LineContext): TemplateResult {
    return renderHistoryLine(line, context);
  }

  /** The filter bar: category, note text, the recipient's time zone, and the count. `shown` is the number of lines loaded. */
  protected renderFilters(shown: number): TemplateResult {
    return renderFilterBar({
      l: this.localizer,
      vocabulary: this.vocabulary,
      filters: this.#filters,
      recipientZone: this.recipient?.timeZone,
      shown,
      total: this.#shown.total ?? this.#shown.lines.length,
    });
  }
}
