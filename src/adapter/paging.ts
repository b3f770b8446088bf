/**
 * Paging strategies: how a backend says there is more, read into the kit's `Page` (`items`,
 * `nextCursor`, `total`). The kit's cursor is opaque to the elements, so each strategy keeps in it
 * whatever its backend needs next: the server's own cursor, a page number, an offset, or a next link.
 */
import { MalformedResponseError } from './errors.js';
import type { HttpAnswer, HttpCall } from './http-helper.js';

export interface PageOf {
  items: unknown[];
  nextCursor: string | null;
  total?: number;
}

export interface PagingStrategy {
  /** What the request for the page after `cursor` (the first page when undefined) adds. */
  request(cursor: string | undefined, limit: number | undefined): Pick<HttpCall, 'query' | 'headers' | 'url'>;
  /** The page an answer holds. */
  read(answer: HttpAnswer, cursor: string | undefined, limit: number | undefined): PageOf;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The value at a dotted path (`data.items`, `value`), or at a key with dots in it; an empty path is the body itself, for a
 * backend that answers a bare array (json-server).
 */
export function extract(body: unknown, path: string): unknown {
  if (path === '') return body;
  // A key that itself has dots (`@odata.nextLink`) is read whole.
  if (isRecord(body) && path in body) return body[path];
  let here: unknown = body;
  for (const key of path.split('.')) here = isRecord(here) ? here[key] : undefined;
  return here;
}

/** The items at `path`, which must be an array. */
export function extractItems(body: unknown, path: string, operation = 'page'): unknown[] {
  const items = extract(body, path);
  if (!Array.isArray(items)) throw new MalformedResponseError(`${operation}: no list at "${path || '(the body)'}"`);
  return items;
}

/**
 * Nested arrays flattened into one list: `flatten(campaigns, 'events')` turns each campaign's events
 * into rows, each with its parent under `parentKey` (default `parent`).
 */
export function flatten(items: readonly unknown[], childrenKey: string, parentKey = 'parent'): Record<string, unknown>[] {
  return items.flatMap((item) => {
    const children = isRecord(item) ? item[childrenKey] : undefined;
    return Array.isArray(children) ? children.map((child) => ({ ...(isRecord(child) ? child : { value: child }), [parentKey]: item })) : [];
  });
}

/** RFC 8288 `Link` header: the target of `rel` (e.g. `next`), or undefined. */
export function linkRel(header: string | null, rel: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const rels = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(match[2]);
    const names = (rels?.[1] ?? rels?.[2] ?? '').toLowerCase().split(/\s+/);
    if (names.includes(rel)) return match[1];
  }
  return undefined;
}

/** The server's own opaque cursor in the body (`nextCursor`, `paging.next.after`), sent back as a query parameter. */
export function cursorPaging(options: { items: string; next: string; param: string; limitParam?: string; total?: string }): PagingStrategy {
  return {
    request: (cursor, limit) => ({ query: { [options.param]: cursor, ...(options.limitParam ? { [options.limitParam]: limit } : {}) } }),
    read(answer) {
      const next = extract(answer.body, options.next);
      const total = options.total ? extract(answer.body, options.total) : undefined;
      return {
        items: extractItems(answer.body, options.items),
        nextCursor: typeof next === 'string' && next !== '' ? next : typeof next === 'number' ? String(next) : null,
        ...(typeof total === 'number' ? { total } : {}),
      };
    },
  };
}

/**
 * Pages by number (`_page`) or offset (`offset`), starting at `first`. There is more when a
 * `hasMore` field says so, when `Link` has a `rel="next"`, or when the total (a body field or a
 * header such as `X-Total-Count`) lies beyond this page; with none of them, when the page was full.
 */
export function numberedPaging(options: {
  kind: 'page' | 'offset';
  param: string;
  limitParam: string;
  defaultLimit: number;
  first?: number;
  items?: string;
  hasMore?: string;
  totalField?: string;
  totalHeader?: string;
  useLinkHeader?: boolean;
}): PagingStrategy {
  const first = options.first ?? (options.kind === 'page' ? 1 : 0);
  const position = (cursor: string | undefined) => (cursor === undefined ? first : Number(cursor));
  return {
    request(cursor, limit) {
      const at = position(cursor);
      if (!Number.isSafeInteger(at) || at < first) throw new MalformedResponseError(`page: "${cursor}" is not a cursor of this list`);
      return { query: { [options.param]: at, [options.limitParam]: limit ?? options.defaultLimit } };
    },
    read(answer, cursor, limit) {
      const items = extractItems(answer.body, options.items ?? '');
      const size = limit ?? options.defaultLimit;
      const at = position(cursor);
      const end = options.kind === 'page' ? (at - first + 1) * size : at + items.length;
      const headerTotal = options.totalHeader ? Number(answer.headers.get(options.totalHeader) ?? Number.NaN) : Number.NaN;
      const fieldTotal = options.totalField ? extract(answer.body, options.totalField) : undefined;
      const total = typeof fieldTotal === 'number' ? fieldTotal : Number.isFinite(headerTotal) ? headerTotal : undefined;
      const flag = options.hasMore ? extract(answer.body, options.hasMore) : undefined;
      const link = options.useLinkHeader ? answer.headers.get('link') : null;
      const more =
        typeof flag === 'boolean' ? flag
          : link !== null ? linkRel(link, 'next') !== undefined
            : total !== undefined ? end < total
              : items.length >= size;
      const next = options.kind === 'page' ? at + 1 : at + items.length;
      return { items, nextCursor: more && items.length > 0 ? String(next) : null, ...(total !== undefined ? { total } : {}) };
    },
  };
}

/**
 * A next link in the body (`@odata.nextLink`, Salesforce's `nextRecordsUrl`), absolute or from the
 * origin, kept whole as the cursor and followed as it is; the page size goes in a header when the
 * backend takes it there (`Prefer: odata.maxpagesize=50`).
 */
export function nextLinkPaging(options: {
  items: string;
  next: string;
  total?: string;
  pageSizeHeader?: (limit: number) => Record<string, string>;
}): PagingStrategy {
  return {
    request: (cursor, limit) => ({
      ...(cursor !== undefined ? { url: cursor } : {}),
      ...(limit !== undefined && options.pageSizeHeader ? { headers: options.pageSizeHeader(limit) } : {}),
    }),
    read(answer) {
      const next = extract(answer.body, options.next);
      const total = options.total ? extract(answer.body, options.total) : undefined;
      return {
        items: extractItems(answer.body, options.items),
        nextCursor: typeof next === 'string' && next !== '' ? next : null,
        ...(typeof total === 'number' ? { total } : {}),
      };
    },
  };
}
