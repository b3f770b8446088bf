// The REST adapter against a real HTTP server that misbehaves on purpose: every failure must come out
// as a typed AdapterError (or the caller's AbortError), never as a raw TypeError or SyntaxError.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AdapterError,
  AuthError,
  BadRequestError,
  ConflictError,
  createRestAdapter,
  isAbortError,
  MalformedResponseError,
  NotFoundError,
  RateLimitedError,
  UnavailableError,
  ValidationError,
  type RestAdapterConfig,
} from '../../src/adapter/index.js';
import { DEFAULT_VOCABULARY } from '../../src/model/index.js';

const MB = 1024 * 1024;
type Scenario = (req: IncomingMessage, res: ServerResponse) => void;

const problem = (res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/problem+json', ...headers });
  res.end(JSON.stringify(body));
};
const json = (res: ServerResponse, body: unknown) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** Bytes a streaming scenario managed to send before the client stopped reading. */
const bytesSent: Record<string, number> = {};

/** Streams `total` bytes of a JSON-looking body, respecting backpressure so the count is honest. */
function streamHuge(name: string, total: number, withLength: boolean): Scenario {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', ...(withLength ? { 'content-length': String(total) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    bytesSent[name] = 0;
    const pump = () => {
      while (bytesSent[name] < total && !res.destroyed) {
        bytesSent[name] += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    res.on('error', () => undefined);
    pump();
  };
}

// The first path segment names the scenario, so every operation of an adapter on that base URL
// meets the same misbehaviour.
const scenarios: Record<string, Scenario> = {
  ok: (_req, res) => json(res, DEFAULT_VOCABULARY),
  unauthorized: (_req, res) => problem(res, 401, { type: 'urn:cr:auth', title: 'Unauthorized', detail: 'Token expired' }),
  forbidden: (_req, res) => problem(res, 403, { title: 'Forbidden' }),
  'not-found': (_req, res) => problem(res, 404, { title: 'Not Found', detail: 'No recipient r1' }),
  'not-found-html': (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<html><body>Not here</body></html>');
  },
  conflict: (_req, res) => problem(res, 409, { title: 'Conflict', detail: 'Line exists with another body' }),
  'precondition-failed': (_req, res) => problem(res, 412, { title: 'Precondition Failed' }),
  invalid: (_req, res) =>
    problem(res, 422, {
      type: 'urn:cr:validation',
      title: 'Invalid input',
      errors: [{ field: 'note', message: 'too long' }, { field: 5, message: 'garbage entry is dropped' }],
    }),
  'rate-limited-seconds': (_req, res) => problem(res, 429, { title: 'Slow down' }, { 'retry-after': '7' }),
  'rate-limited-date': (_req, res) =>
    problem(res, 429, { title: 'Slow down' }, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }),
  'server-error': (_req, res) => problem(res, 500, { title: 'Internal Server Error' }),
  unavailable: (_req, res) => problem(res, 503, { title: 'Maintenance' }, { 'retry-after': '120' }),
  teapot: (_req, res) => problem(res, 418, { title: "I'm a teapot" }),
  drop: (req) => req.socket.destroy(),
  hang: () => undefined,
  'stall-body': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"categories": [');
  },
  html: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Login</title>');
  },
  'invalid-json': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"categories": [');
  },
  'no-content-type-html': (_req, res) => res.end('<html></html>'),
  empty: (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end();
  },
  'wrong-types': (_req, res) => json(res, { categories: 'bounced', details: [] }),
  'missing-fields': (_req, res) => {
    const [first, ...rest] = DEFAULT_VOCABULARY.details;
    const { countsAs: _dropped, ...withoutCountsAs } = first;
    json(res, { categories: DEFAULT_VOCABULARY.categories, details: [withoutCountsAs, ...rest] });
  },
  'huge-length': streamHuge('huge-length', 50 * MB, true),
  'huge-chunked': streamHuge('huge-chunked', 50 * MB, false),
  'garbage-problem': (_req, res) => {
    res.writeHead(422, { 'content-type': 'application/problem+json' });
    res.end('{"title": 5, "errors": "not a list"');
  },
  'garbage-problem-object': (_req, res) => problem(res, 500, { title: 5, detail: null, errors: 'x', status: 'bad' }),
};

let server: Server;
let origin: string;

before(async () => {
  server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.split('/')[1];
    (scenarios[name] ?? ((_q, r) => problem(r, 400, { title: `no scenario ${name}` })))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const adapterFor = (scenario: string, config: Partial<RestAdapterConfig> = {}) =>
  createRestAdapter({ baseUrl: `${origin}/${scenario}`, timeoutMs: 2000, ...config });

/** Asserts the call rejects with an error of this class, and returns it for more checks. */
async function rejection<E extends Error>(call: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const error = await call.then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
  return error;
}

describe('HTTP errors become typed errors', () => {
  test('200 with the contract shape resolves with the model', async () => {
    const vocabulary = await adapterFor('ok').getResponseTypes();
    assert.equal(vocabulary.details.length, 27);
  });

  test('401 and 403 are AuthError, with the problem and its detail as message', async () => {
    const expired = await rejection(adapterFor('unauthorized').getResponseTypes(), AuthError);
    assert.equal(expired.status, 401);
    assert.equal(expired.problem?.type, 'urn:cr:auth');
    assert.match(expired.message, /^getResponseTypes: Token expired$/);
    assert.equal(expired.retryable, false);
    const forbidden = await rejection(adapterFor('forbidden').getRecipientCampaigns('r1'), AuthError);
    assert.equal(forbidden.status, 403);
    assert.match(forbidden.message, /Forbidden/);
  });

  test('404 is NotFoundError, whether the body is a problem or HTML', async () => {
    const error = await rejection(adapterFor('not-found').getRecipientCampaigns('r1'), NotFoundError);
    assert.equal(error.message, 'getRecipientCampaigns: No recipient r1');
    const html = await rejection(adapterFor('not-found-html').getRecipientCampaigns('r1'), NotFoundError);
    assert.equal(html.problem, undefined);
    assert.match(html.message, /HTTP 404/);
  });

  test('409 and 412 are ConflictError', async () => {
    const conflict = await rejection(adapterFor('conflict').deleteAllResponses('r1', 'c1'), ConflictError);
    assert.equal(conflict.status, 409);
    const stale = await rejection(adapterFor('precondition-failed').deleteAllResponses('r1', 'c1'), ConflictError);
    assert.equal(stale.status, 412);
  });

  test('422 is ValidationError with the well-formed field errors of the problem', async () => {
    const error = await rejection(adapterFor('invalid').getResponseTypes(), ValidationError);
    assert.deepEqual(error.fields, [{ field: 'note', message: 'too long' }]);
    assert.equal(error.message, 'getResponseTypes: Invalid input');
  });

  test('429 is RateLimitedError with Retry-After in delta-seconds or as an HTTP-date', async () => {
    const seconds = await rejection(adapterFor('rate-limited-seconds').getResponseTypes(), RateLimitedError);
    assert.equal(seconds.retryAfterMs, 7000);
    assert.equal(seconds.retryable, true);
    const dated = await rejection(adapterFor('rate-limited-date').getResponseTypes(), RateLimitedError);
    // An HTTP-date has whole seconds: a minute from now, give or take a second and the round trip.
    assert.ok(dated.retryAfterMs! > 57_000 && dated.retryAfterMs! <= 60_000, String(dated.retryAfterMs));
  });

  test('500 and 503 are UnavailableError; 503 carries Retry-After', async () => {
    const failed = await rejection(adapterFor('server-error').getResponseTypes(), UnavailableError);
    assert.equal(failed.status, 500);
    assert.equal(failed.retryAfterMs, undefined);
    const maintenance = await rejection(adapterFor('unavailable').getResponseTypes(), UnavailableError);
    assert.equal(maintenance.retryAfterMs, 120_000);
    assert.match(maintenance.message, /Maintenance/);
  });

  test('any other 4xx is BadRequestError', async () => {
    const error = await rejection(adapterFor('teapot').getResponseTypes(), BadRequestError);
    assert.equal(error.status, 418);
    assert.equal(error.retryable, false);
  });

  test('a garbled problem body keeps the status and a plain message', async () => {
    const unparsable = await rejection(adapterFor('garbage-problem').getResponseTypes(), ValidationError);
    assert.equal(unparsable.problem, undefined);
    assert.deepEqual(unparsable.fields, []);
    const garbage = await rejection(adapterFor('garbage-problem-object').getResponseTypes(), UnavailableError);
    assert.equal(garbage.problem?.title, undefined);
    assert.equal(garbage.problem?.errors, undefined);
    assert.equal(garbage.problem?.status, undefined);
    assert.match(garbage.message, /^getResponseTypes: HTTP 500/);
  });
});

describe('network failures and timeouts are UnavailableError', () => {
  test('a dropped connection', async () => {
    const error = await rejection(adapterFor('drop').getResponseTypes(), UnavailableError);
    assert.equal(error.status, undefined);
    assert.ok(error.cause instanceof TypeError, 'the fetch TypeError is kept as cause');
  });

  test('a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await rejection(createRestAdapter({ baseUrl: `http://127.0.0.1:${port}` }).getResponseTypes(), UnavailableError);
  });

  test('a server that never answers times out', async () => {
    const started = Date.now();
    const error = await rejection(adapterFor('hang', { timeoutMs: 150 }).getResponseTypes(), UnavailableError);
    assert.match(error.message, /timeout/);
    assert.ok(Date.now() - started < 1500);
  });

  test('a body that stalls halfway times out too', async () => {
    const error = await rejection(adapterFor('stall-body', { timeoutMs: 150 }).getResponseTypes(), UnavailableError);
    assert.match(error.message, /timeout/);
  });
});

describe('answers that break the contract are MalformedResponseError', () => {
  test('HTML with 200, with or without a content type', async () => {
    const error = await rejection(adapterFor('html').getResponseTypes(), MalformedResponseError);
    assert.match(error.message, /expected JSON, got text\/html/);
    await rejection(adapterFor('no-content-type-html').getResponseTypes(), MalformedResponseError);
  });

  test('invalid JSON, with the SyntaxError as cause', async () => {
    const error = await rejection(adapterFor('invalid-json').getResponseTypes(), MalformedResponseError);
    assert.ok(error.cause instanceof SyntaxError);
  });

  test('an empty body where one is expected', async () => {
    await rejection(adapterFor('empty').getResponseTypes(), MalformedResponseError);
  });

  test('wrong types and missing fields, with the field of each issue', async () => {
    const wrong = await rejection(adapterFor('wrong-types').getResponseTypes(), MalformedResponseError);
    assert.deepEqual(wrong.issues.map((i) => i.field), ['categories']);
    const missing = await rejection(adapterFor('missing-fields').getResponseTypes(), MalformedResponseError);
    assert.deepEqual(missing.issues.map((i) => i.field), ['details.0.countsAs']);
  });

  test('a 50 MB body with Content-Length is refused before it is read', async () => {
    const error = await rejection(
      adapterFor('huge-length', { maxResponseBytes: MB }).getResponseTypes(),
      MalformedResponseError,
    );
    assert.match(error.message, /larger than/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(bytesSent['huge-length'] < 20 * MB, `server sent ${bytesSent['huge-length']} bytes`);
  });

  test('a 50 MB chunked body stops at the limit, not at its end', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const error = await rejection(adapterFor('huge-chunked').getResponseTypes(), MalformedResponseError);
    assert.match(error.message, /larger than 10485760 bytes/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(bytesSent['huge-chunked'] < 30 * MB, `server sent ${bytesSent['huge-chunked']} bytes`);
    assert.ok(process.memoryUsage().arrayBuffers - before < 40 * MB, 'the body was not buffered whole');
  });
});

describe('the caller aborts', () => {
  test('an abort while waiting rejects with the AbortError, not a typed error', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await adapterFor('hang').getResponseTypes({ signal: controller.signal }).catch((e: unknown) => e);
    assert.ok(isAbortError(error), String(error));
    assert.ok(!(error instanceof AdapterError));
    assert.equal(error, controller.signal.reason, 'the same reason fetch would reject with');
  });

  test('an abort while the body streams, and a signal aborted before the call', async () => {
    const controller = new AbortController();
    const call = adapterFor('stall-body').getResponseTypes({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    assert.ok(isAbortError(await call.catch((e: unknown) => e)));
    assert.ok(isAbortError(await adapterFor('ok').getResponseTypes({ signal: AbortSignal.abort() }).catch((e: unknown) => e)));
  });
});
