/**
 * Loopback checks for what only a person at this machine may have (the demo's configuration, later
 * its sign-in). A DNS-rebinding page reaches a local server under its own name: its requests carry
 * that name as Host (and its origin as Origin), never `localhost`, so both headers are checked.
 */

const LOOPBACK_NAMES = /^(localhost|[a-z0-9-]+\.localhost)$/u;

/** A hostname (no port) that always names this machine: localhost, *.localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/u, '');
  if (LOOPBACK_NAMES.test(name)) return true;
  if (name === '[::1]' || name === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(name);
}

/** The Host header (name and optional port) names this machine. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return false;
  }
  // `http://evil.example@localhost` and the like: a Host header is a name and a port, nothing more.
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return false;
  return isLoopbackHostname(url.hostname);
}

/** No Origin (a same-origin GET or a tool) or a loopback one; `null` (a sandboxed frame) is refused. */
export function isLoopbackOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHostname(url.hostname);
  } catch {
    return false;
  }
}
