/**
 * The HTTP helper an operation override gets: the same transport as every other call of the
 * adapter (the timeout tied to the caller's signal, the size cap, typed errors, the configured
 * headers and credentials), plus the answer's status and headers, and validation of what it parsed.
 * An operation made of several requests (look up, then act; query ids, then delete in chunks) is
 * written with this, never with a bare `fetch`.
 */
import type * as v from 'valibot';
import { loadContract } from './contract-load.js';
import { AdapterError, AuthError, MalformedResponseError } from './errors.js';
import { readJson } from './http-body.js';
import { send, type HttpSettings } from './http.js';

/** A parsed answer with what a multi-request operation may need of it. */
export interface HttpAnswer<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON; `undefined` when the answer had no body (204). */
  body: T;
  /** The URL that was requested, to resolve a relative next link against. */
  url: string;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface HttpCall {
  method?: string;
  /** After the base URL (`/campaignresponses`), unless `url` is given. Encode values in it yourself. */
  path?: string;
  /**
   * Absolute (`https://org/…`) or from the origin (`/services/data/…`): a next link as the server
   * sent it. It must stay on the base URL's origin, so a token is never sent to another host.
   */
  url?: string;
  /** Appended as a query string; undefined and null values are left out. */
  query?: Record<string, QueryValue> | string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

export interface HttpHelper {
  /** One request; a non-2xx answer rejects with the typed `AdapterError` for its status. */
  request<T = unknown>(operation: string, call: HttpCall): Promise<HttpAnswer<T>>;
  /** One request whose parsed body must match `schema`; a mismatch is a `MalformedResponseError`. */
  json<T>(operation: string, call: HttpCall, schema: v.GenericSchema<unknown, T>): Promise<T>;
  /** The base URL now (it may be a function, per tenant), without a trailing slash. */
  baseUrl(): string;
}

/** The headers of every request, or a function evaluated per request (for tokens that refresh). */
export type HeadersSource =
  | Record<string, string>
  | (() => Record<string, string> | Promise<Record<string, string>>);

export interface HttpHelperConfig {
  baseUrl: string | (() => string);
  headers?: HeadersSource;
  settings: HttpSettings;
}

export const resolveBaseUrl = (baseUrl: string | (() => string)): string =>
  (typeof baseUrl === 'function' ? baseUrl() : baseUrl).replace(/\/+$/, '');

export async function resolveHeaders(source: HeadersSource | undefined, operation: string): Promise<Record<string, string>> {
  try {
    return typeof source === 'function' ? await source() : { ...source };
  } catch (error) {
    if (error instanceof AdapterError) throw error;
    throw new AuthError(`${operation}: the headers function failed`, { cause: error });
  }
}

/** A query string of the given parameters, leaving out undefined and null ones. */
export function queryString(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) search.append(name, String(value));
  }
  return search.toString();
}

/** `url` (absolute or from the origin) against `base`, refused when it leaves the base's origin. */
export function sameOriginUrl(url: string, base: string, operation: string): string {
  const baseOrigin = /^https?:\/\/[^/]+/i.exec(base)?.[0];
  if (/^https?:\/\//i.test(url)) {
    if (baseOrigin !== undefined && new URL(url).origin === new URL(baseOrigin).origin) return url;
    // A relative base (in a browser, the page's origin) or another origin: only the page's own.
    if (baseOrigin === undefined && typeof location !== 'undefined' && new URL(url).origin === location.origin) return url;
    throw new MalformedResponseError(`${operation}: the server sent a link to another origin (${new URL(url).origin})`);
  }
  if (!url.startsWith('/') || url.startsWith('//')) {
    throw new MalformedResponseError(`${operation}: the server sent a link that is neither absolute nor from the origin`);
  }
  return (baseOrigin ?? '') + url;
}

export function createHttpHelper(config: HttpHelperConfig): HttpHelper {
  const { settings } = config;
  async function request<T>(operation: string, call: HttpCall): Promise<HttpAnswer<T>> {
    const base = resolveBaseUrl(config.baseUrl);
    const query = typeof call.query === 'string' ? call.query : queryString(call.query ?? {});
    const target = call.url !== undefined ? sameOriginUrl(call.url, base, operation) : base + (call.path ?? '');
    const url = query ? `${target}${target.includes('?') ? '&' : '?'}${query}` : target;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...(await resolveHeaders(config.headers, operation)),
      ...call.headers,
    };
    if (call.body !== undefined) headers['Content-Type'] ??= 'application/json';
    return send(
      {
        operation,
        method: call.method ?? 'GET',
        url,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: call.signal,
      },
      settings,
      async (response) => ({
        status: response.status,
        headers: response.headers,
        body: (await readJson(response, settings.maxResponseBytes, operation)) as T,
        url,
      }),
    );
  }
  return {
    request,
    baseUrl: () => resolveBaseUrl(config.baseUrl),
    async json(operation, call, schema) {
      const contract = loadContract();
      contract.catch(() => undefined);
      const { body } = await request(operation, call);
      const result = (await contract).check(schema, body);
      if (result.success) return result.output;
      throw new MalformedResponseError(`${operation}: the answer does not have the expected shape`, result.issues);
    },
  };
}
