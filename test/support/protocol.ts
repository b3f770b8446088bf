/**
 * What the reliability tests' browser side and Node side say to each other through the test
 * runner's server commands (test/support/server/wtr-plugin.ts). Types only: this file is checked
 * with both the browser and the Node tsconfig.
 */

export type FaultKind = 'dropBefore' | 'loseAfter' | 'serverError' | 'rateLimited';

/** Probability of each fault per request, in [0, 1]; their sum at most 1. */
export type FaultRates = Partial<Record<FaultKind, number>>;

export interface FaultRule {
  /** For releasing held requests and for the log. */
  id?: string;
  method?: string;
  /** A substring of the path (e.g. a line id) that the request must contain. */
  pathIncludes?: string;
  /** The request's Idempotency-Key. */
  key?: string;
  /** What to do: answer with this status (and `retryAfter`), fail like a fault, or hold. */
  action:
    | { status: number; retryAfter?: number; detail?: string }
    | { fault: 'dropBefore' | 'loseAfter' }
    /** Keep the request (not forwarded) until released: it has left the browser, the server has not seen it. */
    | { hold: 'request' }
    /** Forward, and keep the server's answer until released. */
    | { hold: 'answer' };
  /** How many requests it applies to; unlimited when absent. */
  times?: number;
}

export interface ProxyLogEntry {
  /** Date.now() when the request arrived. */
  at: number;
  method: string;
  path: string;
  key?: string;
  /** The X-Test-Tab header: which page sent it. */
  tab?: string;
  /** What the proxy did: `forward`, a fault kind, `rule:<id>`. */
  action: string;
  /** The status the client got, when it got one. */
  status?: number;
  /** Whether the server saw (and answered) the request. */
  forwarded: boolean;
  retryAfter?: number;
}

export interface ProxyStats {
  /** Requests other than CORS preflights. */
  requests: number;
  forwarded: number;
  /** Faults drawn by the PRNG, by kind. */
  faults: Record<FaultKind, number>;
  /** Server errors sent after the server had committed (a subset of faults.serverError). */
  serverErrorsAfterCommit: number;
  /** Requests a scripted rule decided. */
  ruled: number;
  /** Connections or requests refused by the kill switch. */
  killed: number;
  preflights: number;
}

export interface ProxySettings {
  seed?: number;
  rates?: FaultRates;
  rules?: FaultRule[];
  /** The kill switch: the API unreachable. */
  killed?: boolean;
  /** Added before forwarding each request (ms). */
  delayMs?: number;
}

/** One effect on the server, in the order the server applied them. */
export interface AuditEvent {
  n: number;
  /** The transaction: a delete-all's deletions share it with its idempotency key. */
  txid: number;
  kind: 'insert' | 'delete' | 'key';
  lineId: string | null;
  recipientId: string | null;
  campaignId: string | null;
  note: string | null;
  /** For `key`: the Idempotency-Key and the path it was first used for. */
  key: string | null;
  path: string | null;
}

export interface Fixture {
  recipientId: string;
  campaigns: { id: string; eventId: string }[];
  /** A hand-enterable detail that applies to the fixture's events. */
  detailId: string;
}

export interface ServerState {
  /** The recipient's lines now. */
  lines: { id: string; campaignId: string; note: string }[];
  /** Effects on the recipient's lines, and the keys of those transactions and of the keys asked for. */
  audit: AuditEvent[];
}
