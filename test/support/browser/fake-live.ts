/**
 * A change stream for element tests: `follow` is an adapter's `followChanges` that records each
 * connection (its filter, its `after`, open until its signal aborts) and lets the test push news to
 * those open for a recipient or a campaign. Like the server, it keeps a log: a connection opened
 * `after` an id hears the logged changes since, and `ready` says where the log stands.
 */
import type { LiveChange, LiveFilter, LiveListener, LiveNews } from '../../../src/adapter/live-types.js';
import type { ResponseLine } from '../../../src/model/types.js';

interface Connection {
  filter: LiveFilter;
  after: string | undefined;
  listener: LiveListener;
  signal: AbortSignal;
}

let nextId = 1000;

const matches = (filter: LiveFilter, change: LiveChange) =>
  (filter.recipientId === undefined || filter.recipientId === change.recipientId) &&
  (filter.campaignId === undefined || filter.campaignId === change.campaignId);

export class FakeLive {
  connections: Connection[] = [];
  /** Every change so far, oldest first. */
  log: LiveChange[] = [];

  /** The newest change's id: what a backend with `Last-Change-Id` answers a read with. */
  get lastId(): string {
    return String(nextId - 1);
  }

  follow = (filter: LiveFilter, listener: LiveListener, { signal, after }: { signal: AbortSignal; after?: string }): Promise<void> => {
    this.connections.push({ filter, after, listener, signal });
    listener({ kind: 'connecting' });
    setTimeout(() => {
      if (signal.aborted) return;
      listener({ kind: 'ready', resumed: after !== undefined, lastId: after ?? this.lastId });
      const missed = after === undefined ? [] : this.log.filter((change) => Number(change.id) > Number(after) && matches(filter, change));
      for (const change of missed) listener({ kind: 'change', change });
    }, 10);
    return new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
  };

  /** The connections open now. */
  get open(): Connection[] {
    return this.connections.filter((c) => !c.signal.aborted);
  }

  /** Sends `news` to every open connection whose filter `filter` names. */
  push(filter: LiveFilter, news: LiveNews): void {
    for (const c of this.open) {
      if ((filter.recipientId === undefined || c.filter.recipientId === filter.recipientId) &&
        (filter.campaignId === undefined || c.filter.campaignId === filter.campaignId)) c.listener(news);
    }
  }

  /** A change of `line` (added, by default), logged only: made while no stream of it was open. */
  record(line: ResponseLine, kind: LiveChange['kind'] = 'line-added'): LiveChange {
    const change: LiveChange = {
      id: String(nextId++), kind, recipientId: line.recipientId, campaignId: line.campaignId, lineId: line.id, at: new Date().toISOString(), line,
    };
    this.log.push(change);
    return change;
  }

  /** A change of `line` (added, by default), logged and sent to its recipient's and its campaign's streams. */
  lineChanged(line: ResponseLine, kind: LiveChange['kind'] = 'line-added'): LiveChange {
    const change = this.record(line, kind);
    this.push({ recipientId: line.recipientId }, { kind: 'change', change });
    this.push({ campaignId: line.campaignId }, { kind: 'change', change });
    return change;
  }
}
