/**
 * What every REST adapter of the kit shares: the config read once, paths filled from templates,
 * headers per request, the transport, the mapping and the validation of each answer. The recipient
 * side (`createRestAdapter`) and the campaign side (`createCampaignRestAdapter`) are each a thin list
 * of operations on top, so an element that needs one side does not bundle the other's schemas.
 */
import { loadContract, schemaOf, type SchemaRef } from './contract-load.js';
import { AdapterError, BadRequestError, MalformedResponseError, ValidationError, isAbortError } from './errors.js';
import { send, sendForStream, type HttpRequest, type HttpSettings } from './http.js';
import { problemFromBody } from './http-problem.js';
import { createHttpHelper, resolveBaseUrl, resolveHeaders, type HttpHelper } from './http-helper.js';
import { readJson } from './http-body.js';
import { withChangeId } from './change-id.js';
import type { OperationSettings } from './operations.js';
import type { FromServer, RestAdapterConfig } from './config.js';

export { queryString } from './http-helper.js';

export interface CallInit {
  method?: string;
  body?: unknown;
  query?: string;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** The call's values, for a path function, per-operation headers and an override. */
  args?: Record<string, unknown>;
}

export interface RestCaller {
  /**
   * One JSON operation: the answer mapped by `fromServer`, then validated by `schema` (a schema, or
   * where to find it in the contract module, which the request loads meanwhile).
   */
  call<T>(
    operation: string,
    params: Record<string, string>,
    schema: SchemaRef<T>,
    fromServer: FromServer,
    init?: CallInit,
  ): Promise<T>;
  /** One operation whose answer is a stream of `mediaType` (a CSV export). */
  stream(operation: string, params: Record<string, string>, mediaType: string, init?: CallInit): Promise<ReadableStream<Uint8Array>>;
  /** The `responseLine` mapper (identity when none), for list mappers to reuse. */
  mapLine: (line: unknown) => unknown;
  /** The helper overrides get: the same transport, headers and settings. */
  http: HttpHelper;
  /**
   * The ETag of the last answer to a GET without a query, by URL: the version of a record this
   * page last read, so a poll of it (live mode `poll`) does not take the page's own re-read for news.
   */
  readTags: Map<string, string>;
}

// Enough for every record a page shows; the oldest go first.
const MAX_READ_TAGS = 200;

/** The mapper of a backend that speaks the kit's model as it is. */
export const identity = (value: unknown) => value;

export function createRestCaller(config: RestAdapterConfig, defaultPaths: Readonly<Record<string, string>>): RestCaller {
  const mappers = config.mappers ?? {};
  const paths: Record<string, string | undefined> = { ...defaultPaths, ...config.paths };
  const operations = (config.operations ?? {}) as Record<string, OperationSettings<Record<string, unknown>> | undefined>;
  const mapLine = mappers.responseLine?.fromServer ?? identity;
  const settings: HttpSettings = {
    // A wrapper, not `globalThis.fetch` itself: called detached, a browser's fetch throws "Illegal invocation".
    fetch: config.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init)),
    credentials: config.credentials,
    timeoutMs: config.timeoutMs ?? 15_000,
    maxResponseBytes: config.maxResponseBytes ?? 10 * 1024 * 1024,
    errorFromServer: mappers.errorFromServer ?? problemFromBody,
  };
  const http = createHttpHelper({ baseUrl: config.baseUrl, headers: config.headers, settings });
  // The checks start loading when the adapter is made (an element's first update, or the host's
  // configure call), not inside the first call. Started there, Firefox never finished the tab's test
  // page whose wrapped fetch awaits an import() of its own (test/browser/campaign-responses-tab,
  // "works alone with api-base", in a run of several files: 4 runs of 4; cause not found). A failure
  // here is seen, and asked again, by the first call.
  loadContract().catch(() => undefined);

  async function request(operation: string, params: Record<string, string>, init: CallInit, accept: string): Promise<HttpRequest> {
    const own = operations[operation];
    const args = { ...params, ...init.args };
    const template = own?.path ?? paths[operation];
    if (template === undefined) throw new BadRequestError(`${operation}: no path is configured for it`);
    const path = typeof template === 'function' ? template(args) : template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) throw new BadRequestError(`${operation}: the path ${template} names an unknown {${name}}`);
      if (value === '') throw new ValidationError(`${operation}: ${name} is empty`, [{ field: name, message: 'is empty' }]);
      return encodeURIComponent(value);
    });
    const ownHeaders = typeof own?.headers === 'function' ? own.headers(args) : own?.headers;
    const headers: Record<string, string> = { Accept: accept, ...(await resolveHeaders(config.headers, operation)), ...ownHeaders };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.idempotencyKey !== undefined) headers['Idempotency-Key'] = init.idempotencyKey;
    return {
      operation,
      method: own?.method ?? init.method ?? 'GET',
      url: resolveBaseUrl(config.baseUrl) + path + (init.query ? `?${init.query}` : ''),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    };
  }

  const readTags = new Map<string, string>();
  const noteTag = (url: string, tag: string | null) => {
    if (tag === null) return;
    readTags.delete(url);
    readTags.set(url, tag);
    for (const oldest of readTags.keys()) {
      if (readTags.size <= MAX_READ_TAGS) break;
      readTags.delete(oldest);
    }
  };

  return {
    mapLine,
    http,
    readTags,
    async call(operation, params, schema, fromServer, init = {}) {
      // Loading since the adapter was made (asked again after a failure); awaited once the answer is in.
      const contract = loadContract();
      contract.catch(() => undefined);
      const run = operations[operation]?.run;
      let changeId: string | undefined;
      let body: unknown;
      if (run) body = await runOverride(() => run({ args: { ...params, ...init.args }, http, signal: init.signal, operation }), operation);
      else {
        const asked = await request(operation, params, init, 'application/json, application/problem+json');
        body = await send(asked, settings, (response) => {
          changeId = response.headers.get('Last-Change-Id') ?? undefined;
          if (asked.method === 'GET' && !init.query) noteTag(asked.url, response.headers.get('ETag'));
          return readJson(response, settings.maxResponseBytes, operation);
        });
      }
      let mapped: unknown;
      try {
        mapped = fromServer(body, mapLine);
      } catch (error) {
        throw new MalformedResponseError(`${operation}: the answer could not be mapped`, [], { cause: error });
      }
      const loaded = await contract;
      const result = loaded.check(schemaOf(schema, loaded), mapped);
      if (result.success) return withChangeId(result.output, changeId);
      throw new MalformedResponseError(`${operation}: the answer does not match the contract`, result.issues);
    },
    async stream(operation, params, mediaType, init = {}) {
      return sendForStream(await request(operation, params, init, `${mediaType}, application/problem+json`), settings, mediaType);
    },
  };
}

/** An override's own bug (a TypeError) becomes a typed error, so the outbox reads it by kind like any other. */
async function runOverride(run: () => Promise<unknown>, operation: string): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AdapterError || isAbortError(error)) throw error;
    throw new MalformedResponseError(`${operation}: the operation's override failed`, [], { cause: error });
  }
}
