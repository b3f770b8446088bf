import { NotFoundError } from '../../../src/adapter/errors.js';

/**
 * What the in-memory fake adapters share: a log of calls and, per method, a delay (cut short by
 * the call's signal with an AbortError, as fetch is), a failure to throw, or a gate (a promise the
 * call waits for).
 */
export class FakeCalls<Method extends PropertyKey> {
  calls: { method: Method; args: unknown[] }[] = [];
  delays: Partial<Record<Method, number>> = {};
  failures: Partial<Record<Method, Error>> = {};
  gates: Partial<Record<Method, Promise<unknown>>> = {};

  callsOf(method: Method) {
    return this.calls.filter((c) => c.method === method);
  }

  /** Logs the call, then waits for its gate and delay, and throws its failure, if any. */
  protected async enter(method: Method, args: unknown[], signal?: AbortSignal): Promise<void> {
    this.calls.push({ method, args });
    if (this.gates[method]) await this.gates[method];
    const delay = this.delays[method];
    if (delay) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, delay);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    }
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const failure = this.failures[method];
    if (failure) throw failure;
  }
}

/** A copy of the campaign's entry, or the NotFoundError a backend answers for an unknown campaign. */
export function foundCampaign<T>(map: Map<string, T>, campaignId: string): T {
  const found = map.get(campaignId);
  if (found === undefined) throw new NotFoundError(`Campaign ${campaignId} not found`);
  return structuredClone(found);
}
