/**
 * What the recipient side's and the campaign side's live parts share: a LiveHub of their own
 * records, turned on and off, the reads its streams start after, and bursts: changes of one record
 * gathered for a moment and told once (a mailing's opens come in bursts, and each telling costs
 * the elements a re-read). A side says which filter a record is, and what a burst means to it.
 */
import type { LiveChange, LiveFilter, LiveNews, LiveOperations } from '../../adapter/live-types.js';
import { LiveHub, type LiveState } from './live-hub.js';

export interface LiveSideOptions {
  follow: LiveOperations['followChanges'] | undefined;
  /** Off: no stream is opened until `enabled` is set. */
  enabled: boolean;
  /** How long a burst gathers before it is told. */
  burstMs: number;
}

/** The changes of one record gathered over a burst; `others`: not only this page's own writes. */
export interface Burst {
  changes: LiveChange[];
  others: boolean;
}

export abstract class LiveSide {
  protected readonly hub: LiveHub;
  readonly #burstMs: number;
  #enabled: boolean;
  #bursts = new Map<string, Burst & { timer: ReturnType<typeof setTimeout> }>();

  constructor(options: LiveSideOptions) {
    this.hub = new LiveHub({ follow: options.follow });
    this.#enabled = options.enabled;
    this.#burstMs = options.burstMs;
  }

  /** Whether the side is live now: `off`, `connecting`, `live` or `reconnecting`. */
  get state(): LiveState {
    return this.hub.state;
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  /** Turned off, every stream closes; turned on, the next join opens one. */
  set enabled(on: boolean) {
    this.#enabled = on;
    if (!on) this.hub.closeAll();
  }

  /** Follows the record `id` (while `enabled`, where the backend has a stream); returns the leave. */
  join(id: string): () => void {
    if (!this.#enabled || !this.hub.available) return () => undefined;
    return this.hub.join(this.filterOf(id), (news) => this.hear(id, news));
  }

  /** Runs a read of the record `id`, so that its stream starts after it (see LiveHub.read). */
  read<T>(id: string, run: () => Promise<T>): Promise<T> {
    return this.#enabled ? this.hub.read(this.filterOf(id), run) : run();
  }

  close(): void {
    this.hub.closeAll();
    for (const burst of this.#bursts.values()) clearTimeout(burst.timer);
    this.#bursts.clear();
  }

  protected abstract filterOf(id: string): LiveFilter;

  /** What the stream of record `id` said. */
  protected abstract hear(id: string, news: LiveNews): void;

  /** A burst of record `id` is over: tell it. */
  protected abstract flush(id: string, burst: Burst): void;

  /** Adds `changes` to the burst of record `id`, starting one if none is gathering. */
  protected gather(id: string, changes: LiveChange[], others: boolean): void {
    const burst = this.#bursts.get(id);
    if (burst) {
      burst.changes.push(...changes);
      burst.others ||= others;
      return;
    }
    const timer = setTimeout(() => {
      const gathered = this.#bursts.get(id);
      this.#bursts.delete(id);
      if (gathered) this.flush(id, { changes: gathered.changes, others: gathered.others });
    }, this.#burstMs);
    this.#bursts.set(id, { changes: [...changes], others, timer });
  }
}
