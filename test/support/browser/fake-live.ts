/**
 * A change stream for element tests: `follow` is an adapter's `followChanges` that records each
 * connection (its filter, open until its signal aborts) and lets the test push news to those
 * open for a recipient or a campaign.
 */
import type { LiveChange, LiveFilter, LiveListener, LiveNews } from '../../../src/adapter/live-types.js';
import type { ResponseLine } from '../../../src/model/types.js';

interface Connection {
  filter: LiveFilter;
  listener: LiveListener;
  signal: AbortSignal;
}

let nextId = 1000;

export class FakeLive {
  connections: Connection[] = [];

  follow = (filter: LiveFilter, listener: LiveListener, { signal }: { signal: AbortSignal }): Promise<void> => {
    this.connections.push({ filter, listener, signal });
    listener({ kind: 'connecting' });
    setTimeout(() => signal.aborted || listener({ kind: 'ready', resumed: false }), 10);
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

  /** A change of `line` (added, by default), to its recipient's and its campaign's streams. */
  lineChanged(line: ResponseLine, kind: LiveChange['kind'] = 'line-added'): LiveChange {
    const change: LiveChange = {
      id: String(nextId++), kind, recipientId: line.recipientId, campaignId: line.campaignId, lineId: line.id, at: new Date().toISOString(), line,
    };
    this.push({ recipientId: line.recipientId }, { kind: 'change', change });
    this.push({ campaignId: line.campaignId }, { kind: 'change', change });
    return change;
  }
}
