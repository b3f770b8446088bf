/**
 * The steps of a bulk entry, as a reactive controller: check the list (who each row is, who already
 * has this response), the preview the person adjusts, the save with its progress and Cancel, and
 * the outcome with Retry and Undo. The element only renders what this holds.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { Recipient } from '../../model/types.js';
import { isAbortError } from '../../adapter/errors.js';
import { RecipientDirectory, type RowMatch } from '../../bulk/matching.js';
import { buildPreview, type ExistingAnswer, type PreviewRow } from '../../bulk/preview.js';
import type { BulkRow } from '../../bulk/rows.js';
import { forEachSliced, yieldToPage } from '../../bulk/yielding.js';
import { findRecipients, findResponded, unverifiedRecipient, type BulkScope } from '../../data/bulk-lookup.js';
import { batchUndoOf, saveBulkLines, type LineOutcome } from '../../data/bulk-save.js';
import { queuedOpOf } from '../../data/marks.js';
import { UndoWindow } from './undo-window.js';

export type BulkPhase = 'input' | 'checking' | 'preview' | 'saving' | 'done';

/** What every line shares, beyond its recipient. */
export interface BulkDraft extends BulkScope {
  respondedAt: string;
  note: string;
}

export class BulkFlow implements ReactiveController {
  phase: BulkPhase = 'input';
  rows: BulkRow[] = [];
  preview: PreviewRow[] = [];
  progress = { done: 0, total: 0 };
  outcomes: LineOutcome[] = [];
  /** Rows left out as duplicates when the batch was saved. */
  skipped = 0;
  /** Ids typed while the backend could not say who they are: kept as they are, for the outbox. */
  unverified = new Set<string>();
  /** A failure of the check itself (not of a row), for the person to retry. */
  error: unknown;

  #host: ReactiveControllerHost;
  #matches: RowMatch[] = [];
  #existing = new Map<string, ExistingAnswer>();
  /** The person's own choice per row (put back in, or left out), over the default. */
  #choices = new Map<number, boolean>();
  #scope: BulkScope | undefined;
  #abort: AbortController | undefined;
  #undo = new UndoWindow(() => this.#update());
  #stopFollowing: (() => void) | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Seconds left to undo the saved batch, or undefined when it cannot be undone. */
  get undoSeconds(): number | undefined {
    return this.#undo.seconds;
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#undo.close();
    this.#unfollow();
  }

  #update(): void {
    this.#host.requestUpdate();
  }

  #progress = (done: number, total: number) => {
    this.progress = { done, total };
    this.#update();
  };

  /** Looks up every row and who already has the response; ends in the preview (or back at input on Cancel). */
  async check(client: CampaignDataClient, readRows: (signal: AbortSignal) => Promise<BulkRow[]>, scope: BulkScope, recipients: readonly Recipient[] = []): Promise<void> {
    const abort = (this.#abort = new AbortController());
    const signal = abort.signal;
    Object.assign(this, { phase: 'checking', rows: [], error: undefined, unverified: new Set<string>() });
    this.#choices.clear();
    this.#scope = scope;
    this.#progress(0, 0);
    try {
      const rows = (this.rows = await readRows(signal));
      this.#progress(0, rows.length);
      const directory = new RecipientDirectory();
      await forEachSliced(recipients, (recipient) => directory.add(recipient), { signal });
      this.unverified = await findRecipients(client, rows, directory, { signal, onProgress: this.#progress });
      const matches: RowMatch[] = new Array<RowMatch>(rows.length);
      // Sliced: 10,000 rows must not hold the page for longer than a frame or two.
      await forEachSliced(rows, (row, i) => {
        const match = directory.match(row);
        matches[i] = match.status === 'not-found' && row.kind === 'id' && this.unverified.has(row.key)
          ? { status: 'matched', recipient: unverifiedRecipient(row.key) }
          : match;
      }, { signal, onProgress: (done) => this.#progress(done, rows.length) });
      this.#matches = matches;
      const ids = [...new Set(matches.flatMap((m) => (m.status === 'matched' && !this.unverified.has(m.recipient.id) ? [m.recipient.id] : [])))];
      this.#existing = await findResponded(client, ids, scope, { signal, onProgress: this.#progress });
      this.#rebuild();
      // The preview of every row is built in one task and drawn in the next: together, for 10,000
      // rows, they came to a long task (over 50 ms) on a slow run.
      await yieldToPage();
      signal.throwIfAborted();
      this.phase = 'preview';
    } catch (error) {
      this.phase = 'input';
      if (!isAbortError(error)) this.error = error;
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
      this.#update();
    }
  }

  #rebuild(): void {
    const kept = new Set([...this.#choices].filter(([, included]) => included).map(([index]) => index));
    this.preview = buildPreview(this.rows, this.#matches, this.#existing, kept).map((row) => {
      const choice = this.#choices.get(row.row.index);
      return choice === false && row.included ? { ...row, included: false } : row;
    });
  }

  /** The person puts a row in or leaves it out (a matched row only). */
  include(index: number, included: boolean): void {
    this.#choices.set(index, included);
    this.#rebuild();
    this.#update();
  }

  /** The person keeps every row left out only because the backend could not be asked (offline). */
  includeUnchecked(): void {
    for (const row of this.preview) if (row.duplicate === 'unchecked' && !row.included) this.#choices.set(row.row.index, true);
    this.#rebuild();
    this.#update();
  }

  /** The person picks one of an ambiguous row's choices; who already has the response is asked for them. */
  async resolve(client: CampaignDataClient, index: number, recipient: Recipient): Promise<void> {
    this.#matches[index] = { status: 'matched', recipient };
    if (!this.#existing.has(recipient.id) && this.#scope) {
      const answers = await findResponded(client, [recipient.id], this.#scope);
      for (const [id, answer] of answers) this.#existing.set(id, answer);
    }
    this.#rebuild();
    this.#update();
  }

  /** Saves the included rows as new lines (each with its own id), then shows the outcome. */
  async save(client: CampaignDataClient, draft: BulkDraft): Promise<void> {
    const lines = this.preview.flatMap((row) =>
      row.included && row.match.status === 'matched'
        ? [client.createResponseLine({ ...draft, recipientId: row.match.recipient.id })]
        : [],
    );
    this.skipped = this.preview.filter((row) => row.duplicate && !row.included).length;
    this.outcomes = [];
    // Every line starts as "not sent yet"; the save turns each into its outcome.
    await this.#send(client, lines.map((line) => ({ status: 'cancelled' as const, line })), 'cancelled');
  }

  /** Sends again the lines that failed (or were not sent: `cancelled`), with their ids, so nothing is applied twice. */
  async retry(client: CampaignDataClient, which: 'failed' | 'cancelled'): Promise<void> {
    await this.#send(client, this.outcomes, which);
  }

  async #send(client: CampaignDataClient, previous: LineOutcome[], which: 'failed' | 'cancelled'): Promise<void> {
    this.#undo.close();
    this.#unfollow();
    const again = previous.filter((outcome) => outcome.status === which);
    const abort = (this.#abort = new AbortController());
    this.phase = 'saving';
    this.#progress(0, again.length);
    const fresh = await saveBulkLines(client, again.map((outcome) => outcome.line), { signal: abort.signal, onProgress: this.#progress });
    const byId = new Map(fresh.map((outcome) => [outcome.line.id, outcome]));
    this.outcomes = previous.map((outcome) => byId.get(outcome.line.id) ?? outcome);
    if (this.#abort === abort) this.#abort = undefined;
    this.phase = 'done';
    this.#offerUndo(client);
    this.#followDelivery(client);
    this.#update();
  }

  /**
   * Lines saved into this device's outbox are sent moments later when the backend answers: the
   * outcome follows them, so that "wait on this device" counts only those still waiting.
   */
  #followDelivery(client: CampaignDataClient): void {
    this.#unfollow();
    const waiting = () => this.outcomes.some((outcome) => outcome.status === 'saved' && outcome.queued);
    if (!waiting()) return;
    this.#stopFollowing = client.subscribeSync((event) => {
      if (event.type !== 'delivered') return;
      const index = this.outcomes.findIndex((outcome) => outcome.status === 'saved' && outcome.queued && queuedOpOf(outcome.saved) === event.opId);
      if (index < 0) return;
      const outcomes = [...this.outcomes];
      outcomes[index] = { status: 'saved', line: outcomes[index].line, saved: event.line, queued: false };
      this.outcomes = outcomes;
      if (!waiting()) this.#unfollow();
      this.#update();
    });
  }

  #unfollow(): void {
    this.#stopFollowing?.();
    this.#stopFollowing = undefined;
  }

  #offerUndo(client: CampaignDataClient): void {
    const undo = batchUndoOf(client);
    const saved = this.outcomes.flatMap((outcome) => (outcome.status === 'saved' ? [outcome.saved] : []));
    if (undo && saved.length > 0) this.#undo.open(() => undo(saved));
  }

  /** Undoes the whole saved batch (only while `undoSeconds` is set). */
  async undo(): Promise<void> {
    await this.#undo.undo();
  }

  /** Cancel: stops the check (back to the list) or the save (no further line is started). */
  cancel(): void {
    this.#abort?.abort();
  }

  /** Back to the list, keeping what was typed (the element keeps the text). */
  back(): void {
    this.#abort?.abort();
    this.#undo.close();
    this.#unfollow();
    this.phase = 'input';
    this.#update();
  }
}
