/**
 * `offlineParts()`: what a data client is given to keep edits on this device first and send them
 * later, in order, exactly once, and to show the last known lists when the server is out of reach.
 *
 * @example
 * const client = new CampaignDataClient({ adapter, parts: offlineParts({ userKey: session.userId }) });
 * configureCampaignKit({ client });
 * // on logout:
 * await client.close();
 * await wipeOfflineData(session.userId);
 */
import { directWrites, networkReads, type ClientParts, type PartsContext } from '../parts.js';
import { OfflineDevice } from './device.js';
import { OutboxNews } from './news.js';
import type { OfflineOptions } from './options.js';
import { cachedReads } from './reads.js';
import { outboxSync } from './sync.js';
import { outboxWrites } from './writes.js';

export interface OfflineParts extends ClientParts {
  /** The outbox, database and connectivity these parts share (for hosts that need more). */
  device: OfflineDevice;
}

export function offlineParts(options: OfflineOptions): (context: PartsContext) => OfflineParts {
  return (context) => {
    const news: OutboxNews = new OutboxNews((): OfflineDevice => device, context.notify);
    const device: OfflineDevice = new OfflineDevice(options, context.adapter, context.notify, news.hear);
    return {
      device,
      reads: cachedReads(device, networkReads(context.adapter), context),
      writes: outboxWrites(device, directWrites(context.adapter)),
      sync: outboxSync(device),
      ready: device.ready,
      close: async () => {
        news.stop();
        await device.close();
      },
    };
  };
}
