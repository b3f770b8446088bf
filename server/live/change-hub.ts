/**
 * One per app: listens for "the log has new rows" (a NOTIFY from any instance sharing the database,
 * this one included), reads the new rows once, and wakes only the streams they concern. A woken
 * stream reads its own rows from the log by id, so the hub holds no events, and a stream that is
 * slow holds none either.
 */
import type { Db } from '../db/db.js';
import { CHANGE_CHANNEL, logBounds, matches, readChanges, type ChangeFilter } from './change-log.js';

const HUB_PAGE = 1_000;

interface Subscriber {
  filter: ChangeFilter;
  wake(): void;
}

export class ChangeHub {
  private readonly subscribers = new Set<Subscriber>();
  private cursor = 0;
  private started: Promise<void> | undefined;
  private stopListening: (() => Promise<void>) | undefined;
  private reading: Promise<void> | undefined;
  private readAgain = false;

  constructor(private readonly db: Db) {}

  /** Registers a stream; resolves once the hub listens, with the function that unregisters it. */
  async subscribe(filter: ChangeFilter, wake: () => void): Promise<() => void> {
    const subscriber = { filter, wake };
    this.subscribers.add(subscriber);
    try {
      await (this.started ??= this.start().catch((error: unknown) => {
        this.started = undefined;
        throw error;
      }));
    } catch (error) {
      this.subscribers.delete(subscriber);
      throw error;
    }
    return () => void this.subscribers.delete(subscriber);
  }

  get streams(): number {
    return this.subscribers.size;
  }

  async close(): Promise<void> {
    const stop = this.stopListening;
    this.stopListening = undefined;
    this.started = undefined;
    await stop?.();
  }

  private async start(): Promise<void> {
    this.cursor = (await logBounds(this.db)).lastId;
    this.stopListening = await this.db.listen(CHANGE_CHANNEL, () => this.poke());
    // What committed between reading the cursor and listening.
    this.poke();
  }

  /** Reads what is new; a poke while reading makes one more read, never a second reader. */
  private poke(): void {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.readNew()
      .catch((error: unknown) => console.error('Reading the change log failed:', error))
      .finally(() => {
        this.reading = undefined;
        if (this.readAgain) this.poke();
      });
  }

  private async readNew(): Promise<void> {
    this.readAgain = false;
    for (;;) {
      const rows = await readChanges(this.db, {}, this.cursor, HUB_PAGE);
      if (rows.length === 0) return;
      this.cursor = rows[rows.length - 1].id;
      for (const subscriber of this.subscribers) {
        if (rows.some((row) => matches(subscriber.filter, row))) subscriber.wake();
      }
      if (rows.length < HUB_PAGE) return;
    }
  }
}
