/**
 * An outbox among the other tabs of its database: the news it posts to them and hears from them,
 * and, where it has a sender, the send loop it runs while it holds the election. Apart from
 * `outbox.ts`, which keeps the queue's own operations (enqueue, read, retry, discard).
 */
import type { OutboxEmitter, OutboxEvent } from './events.js';
import type { SendLoop } from './sender.js';
import { startSending, type SendingContext } from './sending.js';
import { TabChannel } from './tab-channel.js';

/** What sending needs beyond what this module supplies itself (the database's name, the news, the election's answer). */
export type SendingSetup = Omit<SendingContext, 'dbName' | 'publish' | 'onLeader'>;

export class OutboxTabs {
  readonly #dbName: string;
  readonly #emitter: OutboxEmitter;
  #channel: TabChannel | undefined;
  #loop: SendLoop | undefined;
  #running: Promise<void> | undefined;
  #stopWakeHints: (() => void) | undefined;
  #leader = false;
  #authPaused = false;

  constructor(dbName: string, emitter: OutboxEmitter) {
    this.#dbName = dbName;
    this.#emitter = emitter;
  }

  /** Whether this instance is the one sending for its database now. */
  get isLeader(): boolean {
    return this.#leader;
  }

  /** Whether sending waits for `resume()` after a 401 (as far as this tab has heard). */
  get authPaused(): boolean {
    return this.#authPaused;
  }

  /** Joins the other tabs; with `sending`, stands for the election of the one that sends. */
  start(sending: SendingSetup | undefined): void {
    this.#channel = new TabChannel(this.#dbName, (event) => this.#onRemote(event));
    if (!sending) return;
    const started = startSending({
      ...sending,
      dbName: this.#dbName,
      publish: (event) => this.publish(event),
      onLeader: (isLeader) => this.#setLeader(isLeader),
    });
    this.#loop = started.loop;
    this.#stopWakeHints = started.stopWakeHints;
    this.#running = started.running;
  }

  /** Tells this tab's subscribers and the other tabs. */
  publish(event: OutboxEvent): void {
    if (event.type === 'auth-required') this.#authPaused = true;
    this.#emitter.emit(event);
    this.#channel?.post(event);
  }

  /** Wakes the send loop, if this tab runs one (see `SendLoop.poke`). */
  poke(options?: { probeNow?: boolean }): void {
    this.#loop?.poke(options);
  }

  /** After a 401: sending continues, in whichever tab sends. */
  resume(): void {
    this.#authPaused = false;
    this.#loop?.resume();
    this.publish({ type: 'resumed' });
  }

  /** Stops listening for wake hints, waits for the loop to stop (the caller aborted it), leaves the channel. */
  async stop(): Promise<void> {
    this.#stopWakeHints?.();
    await this.#running?.catch(() => undefined);
    this.#channel?.close();
  }

  #setLeader(isLeader: boolean): void {
    this.#leader = isLeader;
    this.#emitter.emit({ type: 'leader', isLeader });
  }

  #onRemote(event: OutboxEvent): void {
    if (event.type === 'leader') return;
    if (event.type === 'auth-required') this.#authPaused = true;
    if (event.type === 'resumed') {
      this.#authPaused = false;
      this.#loop?.resume();
    }
    // Another tab queued or retried something: the sender (if it is us) looks now.
    if (event.type === 'queued' || event.type === 'state') this.#loop?.poke();
    this.#emitter.emit({ ...event, remote: true });
  }
}
