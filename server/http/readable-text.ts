/**
 * Text that PostgreSQL cannot store or that is not text at all: a NUL character (text columns refuse
 * it, which surfaced as a 500) or bytes that are not UTF-8. Refused up front as a 422 naming where it
 * came from, so that nothing downstream ever sees it.
 */
import type { MiddlewareHandler } from 'hono';
import { fieldProblem } from './problems.js';

const NUL = '\u0000';

/** Strict percent-decoding: malformed UTF-8 throws instead of turning into U+FFFD. */
function decodeStrict(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/** The problem with one decoded piece of text, if any. */
function textIssue(text: string | undefined): string | undefined {
  if (text === undefined) return 'is not valid UTF-8';
  if (text.includes(NUL)) return 'must not contain NUL characters';
  if (/\p{Cs}/u.test(text)) return 'is not valid UTF-8';
  return undefined;
}

/** Checks the raw path segments and query parameters of every request before any route reads them. */
export function readableTextOnly(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    for (const segment of url.pathname.split('/')) {
      const issue = textIssue(decodeStrict(segment));
      if (issue) throw fieldProblem('path', issue);
    }
    for (const pair of url.search.slice(1).split('&')) {
      if (!pair) continue;
      const at = pair.indexOf('=');
      const rawName = at === -1 ? pair : pair.slice(0, at);
      const name = decodeStrict(rawName);
      const nameIssue = textIssue(name);
      if (nameIssue) throw fieldProblem('query', nameIssue);
      const issue = at === -1 ? undefined : textIssue(decodeStrict(pair.slice(at + 1)));
      if (issue) throw fieldProblem(name as string, issue);
    }
    await next();
  };
}

/** The body's bytes as text: 422 naming `body` when they are not UTF-8. */
export function decodeBody(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fieldProblem('body', 'is not valid UTF-8');
  }
}

/** Walks a parsed JSON body: a NUL (or a lone surrogate from a `\ud800` escape) in a key or string names its field. */
export function assertReadableJson(value: unknown, path = ''): void {
  if (typeof value === 'string') {
    const issue = textIssue(value);
    if (issue) throw fieldProblem(path || 'body', issue);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertReadableJson(item, `${path}[${index}]`));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyIssue = textIssue(key);
      if (keyIssue) throw fieldProblem(path || 'body', `has a key that ${keyIssue}`);
      assertReadableJson(item, path ? `${path}.${key}` : key);
    }
  }
}
