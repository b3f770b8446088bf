#!/usr/bin/env node
// The single-file bundle for hosts without a bundler: `dist/campaign-kit.bundle.js`, one minified ES
// module holding the kit (src/bundle.ts: every element registered, the public API exported) and its
// dependencies (Lit, @lit/context, @lit/task, idb, valibot, the virtualizer). Run by `npm run build`
// after `vite build`; the same function builds it in memory for the browser test (scripts/embed-test-plugin.mjs),
// so the test proves this exact recipe.
//
// esbuild rather than a second Vite mode: the test runner and the bundle-size bench need the build as
// a function they can call in memory (and the bench needs esbuild's metafile anyway).
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve } from 'node:path';
import { esbuildMinifyLiterals } from './minify-literals.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_ENTRY = join(root, 'src/bundle.ts');
export const BUNDLE_FILE = join(root, 'dist/campaign-kit.bundle.js');

// esbuild applies experimentalDecorators / useDefineForClassFields only when it is given them.
export const tsconfigRaw = { compilerOptions: JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions };

/**
 * esbuild options shared by the bundle and the bundle-size bench (minified ES2022, browser; the kit's
 * Lit templates and styles minified too, see scripts/minify-literals.mjs).
 */
export const bundleOptions = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  tsconfigRaw,
  absWorkingDir: root,
  logLevel: 'warning',
  plugins: [esbuildMinifyLiterals()],
};

/**
 * Builds the bundle. `write: false` keeps it in memory and returns its text (the test runner serves it
 * from there); otherwise it writes BUNDLE_FILE and its source map.
 */
export async function buildBundle({ write = true, outfile = BUNDLE_FILE } = {}) {
  if (write) mkdirSync(dirname(outfile), { recursive: true });
  const result = await build({
    ...bundleOptions,
    entryPoints: [BUNDLE_ENTRY],
    outfile,
    write,
    sourcemap: write ? 'linked' : false,
  });
  const text = write ? readFileSync(outfile, 'utf8') : result.outputFiles[0].text;
  return { text, outfile };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { text, outfile } = await buildBundle();
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`${relative(root, outfile)}  ${kb(Buffer.byteLength(text))} minified, ${kb(gzipSync(text, { level: 9 }).length)} gzipped`);
}
