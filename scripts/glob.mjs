// Node 20 has no fs.globSync; the test globs are one directory deep, so a directory listing does.
import { readdirSync, existsSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/** Files matching `dir/*.suffix` (one `*` in the last segment only), sorted. */
export function globSync(pattern) {
  const dir = dirname(pattern);
  const [prefix, suffix] = basename(pattern).split('*');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.startsWith(prefix) && file.endsWith(suffix))
    .sort()
    .map((file) => join(dir, file));
}
