/**
 * A fault-injecting HTTP proxy for the reliability tests: it stands between the browser and the
 * reference server, on loopback only, and for each request decides — by a seeded PRNG and
 * configurable rates, or by scripted rules — to forward it or to fail it in one of the ways a bad
 * network or a busy backend fails:
 *
 * - `dropBefore`: the socket is destroyed without forwarding (the server never sees the request);
 * - `loseAfter`: the request is forwarded, the server commits and answers, then the client's socket
 *   is destroyed instead of answering (the client cannot know it was applied);
 * - `serverError`: a 500/502/503/504 problem answer; half of them are sent after forwarding (a
 *   gateway that timed out while the server committed), half before;
 * - `rateLimited`: 429 with `Retry-After` (seconds), not forwarded.
 *
 * Rules come first (e.g. "this line id always 422", "hold this request until released"); the kill
 * switch makes the API unreachable (every connection destroyed). The proxy answers CORS itself
 * (the test page comes from the test runner's dev server, another origin), for injected answers too:
 * without CORS headers the browser would report an injected 503 as a network error.
 *
 * Decisions are reproducible per request path: the n-th request on a path draws from a PRNG seeded
 * with (seed, method, path, n), so the same operations meet the same faults whatever the timing
 * between paths. The order in which paths are requested still depends on timing.
 */
import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { FaultKind, FaultRates, FaultRule, ProxyLogEntry, ProxySettings, ProxyStats } from '../protocol.js';

export type { FaultKind, FaultRates, FaultRule, ProxyLogEntry, ProxyStats, ProxySettings } from '../protocol.js';
export const FAULT_KINDS: readonly FaultKind[] = ['dropBefore', 'loseAfter', 'serverError', 'rateLimited'];

export interface FaultProxyOptions {
  /** The real server, e.g. http://127.0.0.1:4321. */
  target: string;
  seed?: number;
  rates?: FaultRates;
  rules?: FaultRule[];
  /** Retry-After of injected 429s, in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** Added before forwarding each request (ms): a slow network, so a drain takes a while. */
  delayMs?: number;
  /** Only requests whose method is listed get random faults. Default PUT, POST, DELETE, PATCH. */
  faultMethods?: readonly string[];
}

/** mulberry32: a small, fast, well-mixed 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string, for seeding per request. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Forwarded {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

const SERVER_ERRORS = [500, 502, 503, 504];

export class FaultProxy {
  readonly #options: FaultProxyOptions;
  readonly #server: Server;
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 16 });
  readonly #sockets = new Set<Socket>();
  readonly #seen = new Map<string, number>();
  readonly #held = new Map<string, (() => void)[]>();
  #rules: (FaultRule & { used: number })[] = [];
  #seed: number;
  #rates: FaultRates;
  #killed = false;
  #delayMs: number;
  readonly log: ProxyLogEntry[] = [];
  readonly stats: ProxyStats = {
    requests: 0,
    forwarded: 0,
    faults: { dropBefore: 0, loseAfter: 0, serverError: 0, rateLimited: 0 },
    serverErrorsAfterCommit: 0,
    ruled: 0,
    killed: 0,
    preflights: 0,
  };
  url = '';

  private constructor(options: FaultProxyOptions) {
    this.#options = options;
    this.#seed = options.seed ?? 1;
    this.#rates = options.rates ?? {};
    this.#delayMs = options.delayMs ?? 0;
    this.setRules(options.rules ?? []);
    this.#server = createServer((req, res) => {
      // The server gone (test over) or a socket reset mid-forward: the client sees a dropped connection.
      this.#handle(req, res).catch(() => req.socket.destroy());
    });
    this.#server.on('connection', (socket) => {
      if (this.#killed) {
        this.stats.killed += 1;
        socket.destroy();
        return;
      }
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  /** Starts a proxy on 127.0.0.1 (a free port) in front of `options.target`. */
  static async start(options: FaultProxyOptions): Promise<FaultProxy> {
    const proxy = new FaultProxy(options);
    await new Promise<void>((resolve, reject) => {
      proxy.#server.once('error', reject);
      proxy.#server.listen(0, '127.0.0.1', () => resolve());
    });
    proxy.url = `http://127.0.0.1:${(proxy.#server.address() as AddressInfo).port}`;
    return proxy;
  }

  configure(change: ProxySettings): void {
    if (change.seed !== undefined) {
      this.#seed = change.seed;
      this.#seen.clear();
    }
    if (change.rates) {
      const total = Object.values(change.rates).reduce((sum, rate) => sum + (rate ?? 0), 0);
      if (total > 1) throw new RangeError(`fault rates add up to ${total}, more than 1`);
      this.#rates = change.rates;
    }
    if (change.rules) this.setRules(change.rules);
    if (change.delayMs !== undefined) this.#delayMs = change.delayMs;
    if (change.killed !== undefined) this.kill(change.killed);
  }

  setRules(rules: FaultRule[]): void {
    this.#rules = rules.map((rule) => ({ ...rule, used: 0 }));
  }

  /** The kill switch: while on, the API is unreachable (every connection is destroyed at once). */
  kill(on = true): void {
    this.#killed = on;
    if (on) for (const socket of this.#sockets) socket.destroy();
  }

  /** Lets held requests (or answers) of rule `id` go on; all when no id. Resolves how many. */
  release(id?: string): number {
    let count = 0;
    for (const [ruleId, waiting] of this.#held) {
      if (id !== undefined && ruleId !== id) continue;
      for (const go of waiting.splice(0)) {
        go();
        count += 1;
      }
    }
    return count;
  }

  /** How many requests (or answers) rule `id` holds now. */
  heldCount(id?: string): number {
    let count = 0;
    for (const [ruleId, waiting] of this.#held) if (id === undefined || ruleId === id) count += waiting.length;
    return count;
  }

  async close(): Promise<void> {
    this.release();
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
    this.#agent.destroy();
  }

  #cors(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (!origin) return {};
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': 'Retry-After, Location, ETag, Idempotent-Replayed',
      Vary: 'Origin',
    };
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    if (this.#killed) {
      this.stats.killed += 1;
      req.socket.destroy();
      return;
    }
    if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
      // Preflights are answered here and never faulted: they are the browser's, not the app's.
      this.stats.preflights += 1;
      res.writeHead(204, {
        ...this.#cors(req),
        'Access-Control-Allow-Methods': 'GET, HEAD, PUT, POST, DELETE, PATCH, OPTIONS',
        'Access-Control-Allow-Headers': String(req.headers['access-control-request-headers'] ?? ''),
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const body = await readBody(req);
    this.stats.requests += 1;
    const key = header(req, 'idempotency-key');
    const entry: ProxyLogEntry = { at: Date.now(), method, path, key, tab: header(req, 'x-test-tab'), action: 'forward', forwarded: false };
    this.log.push(entry);

    const rule = this.#rules.find(
      (r) =>
        (r.times === undefined || r.used < r.times) &&
        (r.method === undefined || r.method === method) &&
        (r.pathIncludes === undefined || path.includes(r.pathIncludes)) &&
        (r.key === undefined || r.key === key),
    );
    if (rule) {
      rule.used += 1;
      this.stats.ruled += 1;
      entry.action = `rule:${rule.id ?? 'anonymous'}`;
      const { action } = rule;
      if ('hold' in action) {
        if (action.hold === 'request') await this.#hold(rule.id ?? 'anonymous');
        if (this.#killed || req.socket.destroyed) {
          // The page went away while we held it: the request still reaches the server (late).
          if (action.hold === 'request') await this.#forward(req, body, entry).catch(() => undefined);
          return;
        }
        const answer = await this.#forward(req, body, entry);
        if (action.hold === 'answer') await this.#hold(rule.id ?? 'anonymous');
        return this.#send(req, res, entry, answer);
      }
      if ('fault' in action) return this.#fault(action.fault, req, res, body, entry);
      return this.#problem(req, res, entry, action.status, action.detail ?? 'Scripted by the test.', action.retryAfter);
    }

    const faulty = (this.#options.faultMethods ?? ['PUT', 'POST', 'DELETE', 'PATCH']).includes(method);
    const n = (this.#seen.get(`${method} ${path}`) ?? 0) + 1;
    this.#seen.set(`${method} ${path}`, n);
    const random = mulberry32(hash(`${this.#seed}|${method}|${path}|${n}`));
    const draw = random();
    let kind: FaultKind | undefined;
    if (faulty) {
      let edge = 0;
      for (const candidate of FAULT_KINDS) {
        edge += this.#rates[candidate] ?? 0;
        if (draw < edge) {
          kind = candidate;
          break;
        }
      }
    }
    if (!kind) {
      if (this.#delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#delayMs));
      return this.#send(req, res, entry, await this.#forward(req, body, entry));
    }
    this.stats.faults[kind] += 1;
    entry.action = kind;
    if (kind === 'rateLimited') {
      return this.#problem(req, res, entry, 429, 'Injected by the fault proxy.', this.#options.retryAfterSeconds ?? 1);
    }
    if (kind === 'serverError') {
      const status = SERVER_ERRORS[Math.floor(random() * SERVER_ERRORS.length)];
      if (random() < 0.5) {
        await this.#forward(req, body, entry);
        this.stats.serverErrorsAfterCommit += 1;
        entry.action = 'serverErrorAfterCommit';
      }
      return this.#problem(req, res, entry, status, 'Injected by the fault proxy.');
    }
    return this.#fault(kind, req, res, body, entry);
  }

  async #fault(kind: 'dropBefore' | 'loseAfter', req: IncomingMessage, _res: ServerResponse, body: Buffer, entry: ProxyLogEntry): Promise<void> {
    if (kind === 'loseAfter') await this.#forward(req, body, entry);
    req.socket.destroy();
  }

  #hold(id: string): Promise<void> {
    return new Promise((resolve) => {
      const waiting = this.#held.get(id) ?? [];
      waiting.push(resolve);
      this.#held.set(id, waiting);
    });
  }

  #forward(req: IncomingMessage, body: Buffer, entry: ProxyLogEntry): Promise<Forwarded> {
    const target = new URL(req.url ?? '/', this.#options.target);
    const headers = { ...req.headers, host: target.host };
    delete headers.origin; // CORS is the proxy's business; the server sees a same-origin call
    delete headers.connection;
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(target, { method: req.method, headers, agent: this.#agent }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          entry.forwarded = true;
          this.stats.forwarded += 1;
          const kept: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value === undefined || /^(access-control-|vary$|connection$|keep-alive$|transfer-encoding$)/i.test(name)) continue;
            kept[name] = value;
          }
          resolve({ status: answer.statusCode ?? 502, headers: kept, body: Buffer.concat(chunks) });
        });
        answer.on('error', reject);
      });
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  #send(req: IncomingMessage, res: ServerResponse, entry: ProxyLogEntry, answer: Forwarded): void {
    if (req.socket.destroyed) return;
    entry.status = answer.status;
    res.writeHead(answer.status, { ...answer.headers, ...this.#cors(req), 'content-length': String(answer.body.length) });
    res.end(answer.body);
  }

  #problem(req: IncomingMessage, res: ServerResponse, entry: ProxyLogEntry, status: number, detail: string, retryAfter?: number): void {
    if (req.socket.destroyed) return;
    entry.status = status;
    if (retryAfter !== undefined) entry.retryAfter = retryAfter;
    const body = JSON.stringify({ type: 'about:blank', title: `HTTP ${status}`, status, detail });
    res.writeHead(status, {
      ...this.#cors(req),
      'Content-Type': 'application/problem+json',
      'Cache-Control': 'no-store',
      ...(retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {}),
    });
    res.end(body);
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
