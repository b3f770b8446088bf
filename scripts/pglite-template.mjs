/**
 * Writes the dump of a just-initialized PGlite database (server/db/pglite-template.ts says why) to
 * the temporary folder, once per PGlite version, and answers its path. `npm test` sets
 * CR_PGLITE_TEMPLATE to it for every suite.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

export async function pgliteTemplatePath() {
  const { version } = JSON.parse(readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'));
  const path = join(tmpdir(), `cr-pglite-template-${version}.tar`);
  if (existsSync(path)) return path;
  const db = new PGlite();
  await db.waitReady;
  const dump = await db.dumpDataDir('none');
  await db.close();
  // Written aside, then renamed: a reader never sees half a file.
  const partial = `${path}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await pgliteTemplatePath());
