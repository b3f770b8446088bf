/**
 * The transport under `createRestAdapter()`: one request with a timeout tied to the caller's signal,
 * a body read with a size cap (`http-body.ts`), and every HTTP or network failure turned into a typed
 * `AdapterError` (`http-problem.ts` for an answer that says why). Nothing here knows the REST
 * contract's resources; `rest.ts` does.
 */
import { AdapterError, MalformedResponseError, UnavailableError, isAbortError, type Problem } from './errors.js';
import { readJson } from './http-body.js';
import { errorFromResponse } from './http-problem.js';

/** What `send()` needs for one request; the URL and headers are final. */
export interface HttpRequest {
  /** The operation's name, which starts every error message so a log says which call failed. */
  operation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface HttpSettings {
  fetch: typeof fetch;
  credentials?: RequestCredentials;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Turns a parsed JSON error body into a problem; the default takes RFC 9457 as it is. */
  errorFromServer: (body: unknown, status: number) => Problem | undefined;
}

/**
 * Sends one request and resolves with the parsed JSON of a 2xx answer (`undefined` when it had no
 * body). Rejects with an `AdapterError`, or with an `AbortError` when `request.signal` aborted.
 */
export async function send<T = unknown>(
  request: HttpRequest,
  settings: HttpSettings,
  read: (response: Response) => Promise<T> = (response) =>
    readJson(response, settings.maxResponseBytes, request.operation) as Promise<T>,
): Promise<T> {
  const { operation, signal } = request;
  if (signal?.aborted) throw abortErrorOf(signal);
  // One controller covers fetch and the body read: a server that sends headers and then stalls
  // mid-body must time out too. AbortSignal.any() would do, but it is too new for some browsers.
  const controller = new AbortController();
  const abortFromCaller = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', abortFromCaller);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('timeout', 'TimeoutError'));
  }, settings.timeoutMs);
  // Called as a plain function: as a method of `settings`, a browser's own fetch would throw.
  const { fetch: fetchFunction } = settings;
  try {
    const response = await fetchFunction(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      credentials: settings.credentials,
      signal: controller.signal,
      // A Delete is committed when the page is left (the end of its Undo time), so it must outlive
      // the page. Not every write: keepalive requests take a slower path in Chromium, and a Save
      // lost with the page is the outbox's to send again.
      keepalive: request.method === 'DELETE',
    });
    // A 304 answers a request that asked for it (If-None-Match): the caller's copy is current.
    if (response.ok || (response.status === 304 && request.headers['If-None-Match'] !== undefined)) return await read(response);
    throw await errorFromResponse(response, settings.errorFromServer, operation);
  } catch (error) {
    // The caller's abort and the timeout win over whatever the aborted fetch or read threw.
    if (signal?.aborted) throw abortErrorOf(signal);
    if (timedOut) {
      throw new UnavailableError(`${operation}: no answer within ${settings.timeoutMs} ms (timeout)`, { cause: error });
    }
    if (error instanceof AdapterError) throw error;
    // fetch rejects with a TypeError when the network fails (refused, reset, DNS, CORS, offline).
    const originRefused = await refusedByCors(request.url, fetchFunction, controller.signal);
    if (signal?.aborted) throw abortErrorOf(signal);
    throw new UnavailableError(originRefused ? `${operation}: the server refused this origin (CORS)` : `${operation}: network error`, {
      cause: error,
      originRefused,
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abortFromCaller);
  }
}

/**
 * Like `send`, for a large answer read as it arrives (a CSV export): resolves with the body stream
 * once a 2xx answer of `mediaType` has begun. The timeout covers the wait for the answer, not the
 * stream, which may rightly take minutes; whoever reads it cancels it to stop.
 */
export function sendForStream(request: HttpRequest, settings: HttpSettings, mediaType: string): Promise<ReadableStream<Uint8Array>> {
  return send(request, settings, async (response) => {
    const type = response.headers.get('content-type') ?? '';
    if (!type.toLowerCase().startsWith(mediaType) || !response.body) {
      void response.body?.cancel().catch(() => undefined);
      throw new MalformedResponseError(`${request.operation}: expected ${mediaType}, got ${type || 'nothing'}`, [], {
        status: response.status,
      });
    }
    return response.body;
  });
}

/**
 * Whether a request that failed with no answer was refused by CORS. The browser says only "network
 * error", so two probes of the same URL ask in its place: a no-cors HEAD (needs no permission; its
 * answer is opaque) gets through when the server is up, and a plain cors HEAD (no preflight) fails
 * when the server does not list this origin. Both together: refused. A dropped connection to a server
 * that does list the origin passes the second probe; an unreachable server fails the first. Only in
 * a page, and only across origins (a same-origin request needs no permission).
 */
async function refusedByCors(url: string, fetchFunction: typeof fetch, signal: AbortSignal): Promise<boolean> {
  if (typeof location === 'undefined' || typeof document === 'undefined') return false;
  let target: URL;
  try {
    target = new URL(url, location.href);
  } catch {
    return false;
  }
  if (target.origin === location.origin) return false;
  const probe = (mode: RequestMode) =>
    fetchFunction(target.href, { method: 'HEAD', mode, credentials: 'omit', cache: 'no-store', signal }).then(() => true, () => false);
  const [reachable, permitted] = await Promise.all([probe('no-cors'), probe('cors')]);
  return reachable && !permitted && !signal.aborted;
}

/** The caller's own `AbortError` (its `reason`), as `fetch` rejects; any other reason becomes one. */
function abortErrorOf(signal: AbortSignal): unknown {
  return isAbortError(signal.reason) ? signal.reason : new DOMException('The operation was aborted.', 'AbortError');
}
