/**
 * Under `npm start`, `dist/campaign-kit.bundle.js` and the language files beside it are built in
 * memory from the sources, by the same recipe as `npm run build` (scripts/build-bundle.mjs), when a
 * page imports them: `/embed/plain.html` works without a build first (it showed Vite's "failed to
 * resolve import" overlay), and never runs a stale one.
 */
import { basename, dirname, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { BUNDLE_DIR, buildBundle } from '../scripts/build-bundle.mjs';

const VIRTUAL = '\0cr-dev-bundle:';
const BUNDLE_NAME = 'campaign-kit.bundle.js';
const SHIPPED = /^campaign-kit\.[\w-]+\.js$/;

export function devBundlePlugin(): Plugin {
  let built: ReturnType<typeof buildBundle> | undefined;
  return {
    name: 'cr-dev-bundle',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer) return undefined;
      // The bundle's own imports of the files beside it (`./campaign-kit.de.js`, its chunks).
      if (importer.startsWith(VIRTUAL)) return source.startsWith('./') && SHIPPED.test(source.slice(2)) ? VIRTUAL + source.slice(2) : undefined;
      if (!source.startsWith('.') && !source.startsWith('/')) return undefined;
      const path = resolve(dirname(importer.split('?')[0]), source);
      return dirname(path) === BUNDLE_DIR && SHIPPED.test(basename(path)) && !path.includes(`${sep}..`) ? VIRTUAL + basename(path) : undefined;
    },
    async load(id) {
      if (!id.startsWith(VIRTUAL)) return undefined;
      const name = id.slice(VIRTUAL.length);
      // Built anew with each load of the bundle (the sources may have changed); its language files
      // come from the same build.
      if (name === BUNDLE_NAME || !built) built = buildBundle({ write: false });
      const { text, chunks } = await built;
      return name === BUNDLE_NAME ? text : chunks.get(name);
    },
  };
}
