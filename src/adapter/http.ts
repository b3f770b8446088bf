/**
 * The transport under `createRestAdapter()`: one request with a timeout tied to the caller's signal,
 * a body read with a size cap, and every HTTP or network failure turned into a typed `AdapterError`.
 * Nothing here knows the REST contract's resources; `rest.ts` does.
 */
import {
  AdapterError,
  AuthError,
  BadRequestError,
  ConflictError,
  MalformedResponseError,
  NotFoundError,
  RateLimitedError,
  UnavailableError,
  ValidationError,
  isAbortError,
  type AdapterErrorInit,
  type Problem,
} from './errors.js';

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

/** An error body is only read for its message and field errors, so a small cap is plenty. */
const MAX_ERROR_BYTES = 64 * 1024;

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
    if (response.ok) return await read(response);
    throw await errorFromResponse(response, settings, operation);
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

function isJsonType(response: Response): boolean {
  const type = response.headers.get('content-type');
  // No content type at all is tolerated: JSON.parse still refuses anything that is not JSON.
  return type === null || /[/+]json\b/i.test(type);
}

export async function readJson(response: Response, maxBytes: number, operation: string): Promise<unknown> {
  if (!isJsonType(response)) {
    void response.body?.cancel().catch(() => undefined);
    throw new MalformedResponseError(
      `${operation}: expected JSON, got ${response.headers.get('content-type')}`, [], { status: response.status });
  }
  const text = await readText(response, maxBytes, operation);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedResponseError(`${operation}: the answer is not valid JSON`, [], {
      status: response.status,
      cause: error,
    });
  }
}

/**
 * The body as text, read chunk by chunk so that a huge answer is refused at `maxBytes` instead of
 * being held in memory whole (`response.text()` would buffer all of it first).
 */
async function readText(response: Response, maxBytes: number, operation: string): Promise<string> {
  const tooLarge = () =>
    new MalformedResponseError(`${operation}: the answer is larger than ${maxBytes} bytes`, [], {
      status: response.status,
    });
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const decoder = new TextDecoder();
  return chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join('') + decoder.decode();
}

/** The typed error for a non-2xx answer, with the problem body when the server sent a readable one. */
async function errorFromResponse(response: Response, settings: HttpSettings, operation: string): Promise<AdapterError> {
  const { status } = response;
  let problem: Problem | undefined;
  try {
    const body = await readJson(response, MAX_ERROR_BYTES, operation);
    problem = body === undefined ? undefined : settings.errorFromServer(body, status);
  } catch (error) {
    // A garbled error body must not hide the status, which says more; only an abort goes on.
    if (isAbortError(error) || (error instanceof DOMException && error.name === 'TimeoutError')) throw error;
  }
  const said = problem?.detail || problem?.title;
  const message = `${operation}: ${typeof said === 'string' ? said : `HTTP ${status} ${response.statusText}`.trim()}`;
  const init: AdapterErrorInit = { status, problem, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
  if (status === 401 || status === 403) return new AuthError(message, init);
  if (status === 404) return new NotFoundError(message, init);
  if (status === 409 || status === 412) return new ConflictError(message, init);
  if (status === 422) return new ValidationError(message, problem?.errors ?? [], init);
  if (status === 429) return new RateLimitedError(message, init);
  if (status >= 500) return new UnavailableError(message, init);
  if (status >= 400) return new BadRequestError(message, init);
  // A 3xx that fetch did not follow (e.g. 304): the contract never asks for one.
  return new MalformedResponseError(message, [], init);
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * The default `errorFromServer`: an RFC 9457 problem as sent, keeping only well-formed members,
 * since a proxy or a buggy backend may send anything under that content type.
 */
export function problemFromBody(body: unknown): Problem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const problem: Problem = { ...body };
  for (const key of ['type', 'title', 'detail', 'instance'] as const) {
    if (typeof problem[key] !== 'string') delete problem[key];
  }
  if (typeof problem.status !== 'number') delete problem.status;
  const errors: unknown = problem.errors;
  if (Array.isArray(errors)) {
    problem.errors = errors.filter(
      (e): e is { field: string; message: string } =>
        typeof e?.field === 'string' && typeof e?.message === 'string',
    );
  } else {
    delete problem.errors;
  }
  return problem;
}
