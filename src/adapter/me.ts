/**
 * Who the caller is, for both sides' REST adapters. A module of its own so that the campaign side
 * can ask without pulling in the recipient side's adapter (each page loads only what it shows).
 */
import type { Me } from '../model/principal.js';
import { identity, type RestCaller } from './caller.js';
import { NotFoundError } from './errors.js';
import type { CallOptions } from './types.js';

/** The reference server's GET /me. */
export const ME_PATH = '/me';

/** GET /me through `call`; a backend without it (404) does not say, which leaves every action to the server. */
export async function getMe(call: RestCaller['call'], options: CallOptions): Promise<Me | undefined> {
  try {
    return await call('getMe', {}, (contract) => contract.MeSchema, identity, options);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
