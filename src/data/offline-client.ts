/**
 * The names offline clients had before they were parts (`offlineParts()`), kept for one release so
 * host pages can move at their pace. Each is a thin shell over the assembled client.
 */
import type { Outbox } from '../offline/outbox.js';
import type { RestClientConfig } from './configure.js';
import { createRestDataClient } from './configure.js';
import type { CampaignDataClientOptions } from './client-options.js';
import { CampaignDataClient } from './data-client.js';
import type { OfflineDevice } from './offline/device.js';
import type { OfflineOptions } from './offline/options.js';
import { offlineParts } from './offline/parts.js';
import type { Connectivity } from './sync.js';

/** @deprecated Use `CampaignDataClientOptions` with `parts: offlineParts(options)`. */
export interface OfflineDataClientOptions extends Omit<CampaignDataClientOptions, 'parts'>, OfflineOptions {}

/**
 * @deprecated Use `new CampaignDataClient({ adapter, parts: offlineParts({ userKey }) })`; this
 * alias goes in the next release.
 */
export class OfflineDataClient extends CampaignDataClient {
  readonly userKey: string;
  readonly #device: OfflineDevice;

  constructor(options: OfflineDataClientOptions) {
    let device: OfflineDevice | undefined;
    const make = offlineParts(options);
    super({
      ...options,
      parts: (context) => {
        const parts = make(context);
        device = parts.device;
        return parts;
      },
    });
    this.userKey = options.userKey;
    this.#device = device as OfflineDevice;
  }

  /** What the last requests did (reads and sends), not `navigator.onLine`. */
  get connectivity(): Connectivity {
    return this.#device.connectivity;
  }

  /** The outbox, once open (for hosts and tests that need more than the client offers). */
  get outbox(): Outbox | undefined {
    return this.#device.outbox;
  }
}

/** @deprecated Use `RestClientConfig` with `parts: offlineParts({ userKey })`. */
export interface OfflineRestClientConfig extends RestClientConfig {
  /** The signed-in user (see `OfflineOptions.userKey`). */
  userKey: string;
  /** The rest of the offline options (cache, grace, outbox tuning). */
  offline?: Omit<OfflineOptions, 'userKey'>;
}

/** @deprecated Use `createRestDataClient({ apiBase, getToken, parts: offlineParts({ userKey }) })`. */
export function createOfflineRestDataClient(config: OfflineRestClientConfig): OfflineDataClient {
  const { adapter } = createRestDataClient(config);
  return new OfflineDataClient({ ...config.offline, adapter, userKey: config.userKey, undoDelayMs: config.undoDelayMs });
}
