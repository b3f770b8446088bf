/**
 * How the outboxes of one database in several tabs hear each other: every event goes out over the
 * BroadcastChannel `cr-outbox:<db>`, gathered per task, so a 1,000-edit enqueue is one message,
 * not 1,000.
 */
import type { OutboxEvent } from './events.js';

type ChannelMessage = { events: OutboxEvent[] };

export class TabChannel {
  readonly #channel: BroadcastChannel | undefined;
  #outgoing: OutboxEvent[] = [];

  constructor(dbName: string, onRemote: (event: OutboxEvent) => void) {
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`cr-outbox:${dbName}`) : undefined;
    this.#channel?.addEventListener('message', (message: MessageEvent<ChannelMessage>) => {
      for (const event of message.data.events) onRemote(event);
    });
  }

  post(event: OutboxEvent): void {
    if (!this.#channel) return;
    this.#outgoing.push(event);
    if (this.#outgoing.length === 1) queueMicrotask(() => this.#flush());
  }

  close(): void {
    this.#channel?.close();
  }

  #flush(): void {
    const events = this.#outgoing;
    this.#outgoing = [];
    try {
      this.#channel?.postMessage({ events } satisfies ChannelMessage);
    } catch {
      // Closed while a late answer was being recorded: the other tabs read the database anyway.
    }
  }
}
