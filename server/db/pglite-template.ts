/**
 * An empty PGlite database to start from. A fresh in-memory PGlite runs initdb in WASM on every
 * open, which costs seconds of CPU: the test suites open one per file and per server, and on a
 * two-core machine that was most of the server suite's time. `CR_PGLITE_TEMPLATE` names a dump of
 * a database just after initdb (scripts/pglite-template.mjs writes it once per PGlite version); an
 * in-memory open then loads that instead of running initdb again. Same files, same result, without
 * the wait. Unset, or for a database kept in a folder, PGlite starts as usual.
 */
import { readFile } from 'node:fs/promises';

let template: Promise<Blob | undefined> | undefined;

export function pgliteTemplate(): Promise<Blob | undefined> {
  const path = process.env.CR_PGLITE_TEMPLATE;
  if (!path) return Promise.resolve(undefined);
  template ??= readFile(path).then(
    (bytes) => new Blob([bytes]),
    () => undefined, // missing or unreadable: start as usual rather than fail
  );
  return template;
}
