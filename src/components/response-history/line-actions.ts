import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { capabilitiesOf, canDo } from '../../adapter/capabilities.js';
import { isAdapterError } from '../../adapter/errors.js';
import type { CampaignDataClient } from '../../data/data-client.js';
import { syncMarkOf } from '../../data/marks.js';
import type { PendingDeletion } from '../../data/pending-deletion.js';
import type { AuditRecord } from '../../model/audit.js';
import type { DeleteAllResult, ResponseLine } from '../../model/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import { MenuButtonController } from '../base/menu-button.js';
import { errorMessage } from '../base/states.js';

type Host = ReactiveControllerHost & HTMLElement;

/** The request got no answer (offline, server unreachable): a restore is never queued, so say it needs a connection. */
const noAnswer = (error: unknown) => isAdapterError(error) && error.kind === 'unavailable' && error.status === undefined;

/** The notice under the history: a line's delete waiting for Undo, sent (Restore), restored, or failed. */
export type LineNotice =
  | { kind: 'pending'; line: ResponseLine; pending: PendingDeletion }
  | { kind: 'sent'; line: ResponseLine; pending: PendingDeletion; result: DeleteAllResult; busy?: boolean }
  | { kind: 'restored'; line: ResponseLine }
  | { kind: 'failed'; message: string };

/** A line's changes as read from the audit trail, while open. */
export type LineChanges = { state: 'loading' } | { state: 'loaded'; records: AuditRecord[] } | { state: 'failed'; message: string };

/**
 * What a person may do to one line of the history, beyond reading it: Delete from its menu (with
 * Undo, then Restore), Restore of a line shown as deleted, and its changes from the audit trail.
 * Each needs the person's permission and the backend's capability; without them nothing is shown.
 */
export class LineActions implements ReactiveController {
  #host: Host;
  #client: () => CampaignDataClient | undefined;
  #l: () => Localizer;
  #undoDelayMs: () => number | undefined;
  #menus = new Map<string, MenuButtonController>();
  #hideTimer: ReturnType<typeof setTimeout> | undefined;
  notice: LineNotice | undefined;
  /** Lines whose changes are open, by id. */
  changes = new Map<string, LineChanges>();

  constructor(host: Host, client: () => CampaignDataClient | undefined, l: () => Localizer, undoDelayMs: () => number | undefined) {
    this.#host = host;
    this.#client = client;
    this.#l = l;
    this.#undoDelayMs = undoDelayMs;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.#hideTimer);
  }

  #allowed(permission: 'delete' | 'admin', backend: 'deleteLine' | 'restore' | 'audit'): boolean {
    const client = this.#client();
    return Boolean(client?.can(permission) && canDo(capabilitiesOf(client.adapter), backend).allowed);
  }

  /** Whether lines may be deleted one by one here (a line not yet confirmed by the server may not). */
  mayDelete(line: ResponseLine): boolean {
    return !line.deletedAt && !syncMarkOf(line) && this.#allowed('delete', 'deleteLine');
  }

  /** Whether deleted lines are shown, with Restore (history reads with `include: 'deleted'`). */
  get showsDeleted(): boolean {
    return this.#allowed('delete', 'restore');
  }

  /** Whether a line's changes can be shown (an administrator, on a backend that keeps them). */
  get showsChanges(): boolean {
    return this.#allowed('admin', 'audit');
  }

  menuFor(line: ResponseLine): MenuButtonController {
    let menu = this.#menus.get(line.id);
    if (!menu) this.#menus.set(line.id, (menu = new MenuButtonController(this.#host, `line-${line.id}`)));
    return menu;
  }

  delete(line: ResponseLine): void {
    const client = this.#client();
    if (!client) return;
    const undoDelayMs = this.#undoDelayMs();
    const pending = client.deleteResponse(line, undoDelayMs === undefined ? {} : { undoDelayMs });
    this.#show({ kind: 'pending', line, pending }, null, true);
    pending.done.then(
      (result) => {
        if (result && this.notice?.kind === 'pending' && this.notice.pending === pending) this.#show({ kind: 'sent', line, pending, result }, null, false);
      },
      (error: unknown) => this.#show({ kind: 'failed', message: this.#l().t('history.deleteFailed', { message: errorMessage(error, this.#l()) }) }, null, true),
    );
  }

  undo(): void {
    const notice = this.notice;
    if (notice?.kind !== 'pending' || !notice.pending.undo()) return;
    this.#show({ kind: 'restored', line: notice.line }, 4000, false);
    this.#focusList();
  }

  /** Restores the line the notice is about (its delete was sent). */
  async restoreSent(): Promise<void> {
    const notice = this.notice;
    const client = this.#client();
    if (notice?.kind !== 'sent' || !client || notice.busy) return;
    this.#show({ ...notice, busy: true }, null, false);
    await this.#restoring(() => client.restoreDeletion(notice.pending, notice.result), notice.line);
  }

  /** Restores a line shown as deleted. */
  async restoreLine(line: ResponseLine): Promise<void> {
    const client = this.#client();
    if (client) await this.#restoring(() => client.restoreResponse(line), line);
  }

  async #restoring(restore: () => Promise<unknown>, line: ResponseLine): Promise<void> {
    try {
      await restore();
      this.#show({ kind: 'restored', line }, 4000, false);
      this.#focusList();
    } catch (error) {
      const message = noAnswer(error) ? this.#l().t('restore.needsConnection') : this.#l().t('history.restoreFailed', { message: errorMessage(error, this.#l()) });
      this.#show({ kind: 'failed', message }, null, true);
    }
  }

  dismiss(): void {
    this.#show(undefined, null, false);
    this.#focusList();
  }

  /** Opens or closes a line's changes, reading them from the audit trail on opening. */
  async toggleChanges(line: ResponseLine): Promise<void> {
    const client = this.#client();
    if (this.changes.delete(line.id) || !client) return this.#host.requestUpdate();
    this.changes.set(line.id, { state: 'loading' });
    this.#host.requestUpdate();
    try {
      const page = await client.getAudit({ lineId: line.id, limit: 50 });
      if (this.changes.has(line.id)) this.changes.set(line.id, { state: 'loaded', records: page.items });
    } catch (error) {
      if (this.changes.has(line.id)) this.changes.set(line.id, { state: 'failed', message: errorMessage(error, this.#l()) });
    }
    this.#host.requestUpdate();
  }

  /** The undo time stands still while a person is at the notice (as the tab's Delete notice). */
  hold(held: boolean): void {
    if (this.notice?.kind !== 'pending') return;
    if (held) this.notice.pending.pause();
    else this.notice.pending.resume();
  }

  #show(notice: LineNotice | undefined, hideAfterMs: number | null, focus: boolean): void {
    clearTimeout(this.#hideTimer);
    this.notice = notice;
    if (hideAfterMs !== null) this.#hideTimer = setTimeout(() => this.#show(undefined, null, false), hideAfterMs);
    this.#host.requestUpdate();
    // The line's menu went with its line: focus goes to the notice, so Undo is the next stop.
    if (focus) void this.#host.updateComplete.then(() => this.#host.shadowRoot?.querySelector<HTMLElement>('[part~="line-notice"]')?.focus());
  }

  #focusList(): void {
    void this.#host.updateComplete.then(() => this.#host.shadowRoot?.querySelector<HTMLElement>('[part~="list"]')?.focus());
  }
}
