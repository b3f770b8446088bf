/**
 * A relay between a browser and the demo server, for a browser whose driver cannot cut its network
 * (WebKitWebDriver has no network emulation and no request interception). The page is loaded through
 * the relay's origin; the relay passes every request on, unless it is told to fail some:
 *
 * - `offline`: every request fails as on a dead network (the connection is reset, and those already
 *   open are reset too). The browser's own navigator.onLine stays true: only its network is gone.
 * - `cut(pathPrefix, except)`: only requests under the path prefix fail that way, but for `except`.
 *
 * WebSocket upgrades are held open and never answered: Vite's HMR client waits on a socket that never
 * opens, so a file saved meanwhile cannot reload the page under a test.
 */
import { request as httpRequest, createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface Relay {
  /** The relay's origin, e.g. http://127.0.0.1:40123. */
  readonly origin: string;
  /** `url` (of the demo server) as the browser should load it: through the relay. */
  through(url: string): string;
  setOffline(offline: boolean): void;
  cut(pathPrefix: string, except: string[]): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startRelay(target: string): Promise<Relay> {
  const upstream = new URL(target);
  let offline = false;
  let cutRule: { prefix: string; except: string[] } | undefined;
  const sockets = new Set<Socket>();

  const fails = (path: string) =>
    offline || (cutRule !== undefined && path.startsWith(cutRule.prefix) && !cutRule.except.includes(path.split('?')[0]));

  const pass = (incoming: IncomingMessage, answer: ServerResponse) => {
    if (fails(incoming.url ?? '/')) {
      incoming.socket.resetAndDestroy();
      return;
    }
    // As a same-origin reverse proxy would: the page's writes carry the relay's Origin, which the
    // server (production mode: no other origin allowed) would refuse as cross-origin.
    const headers = { ...incoming.headers, host: upstream.host, ...(incoming.headers.origin === origin ? { origin: upstream.origin } : {}) };
    const outgoing = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers },
      (reply) => {
        answer.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(answer);
      },
    );
    outgoing.on('error', () => incoming.socket.resetAndDestroy());
    incoming.pipe(outgoing);
  };

  const server: Server = createServer(pass);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Held open, never answered (see above), and spared by setOffline: a socket that closes would
  // send Vite's client polling for the server, to reload the page when it answers.
  const upgrades = new Set<Socket>();
  server.on('upgrade', (_request, socket: Socket) => {
    sockets.delete(socket);
    upgrades.add(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the relay has no port');
  const origin = `http://127.0.0.1:${address.port}`;

  return {
    origin,
    through(url) {
      const parsed = new URL(url);
      return `${origin}${parsed.pathname}${parsed.search}${parsed.hash}`;
    },
    setOffline(value) {
      offline = value;
      // Kept-alive connections die with the network too.
      if (value) for (const socket of sockets) socket.resetAndDestroy();
    },
    cut(pathPrefix, except) {
      cutRule = { prefix: pathPrefix, except };
    },
    restore() {
      cutRule = undefined;
    },
    async close() {
      for (const socket of [...sockets, ...upgrades]) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
