#!/usr/bin/env node
// The single-file bundle for hosts without a bundler: `dist/campaign-kit.bundle.js`, one minified ES
// module holding the kit (src/bundle.ts: every element registered, the public API exported) and its
// dependencies (Lit, @lit/context, idb, valibot, the virtualizer); beside it
// `dist/campaign-kit.de.js`, the German table, which the bundle imports only under `lang="de"`, and the
// chunks it imports on demand (`campaign-kit.<name>-<hash>.js`: the dialog, the history with its
// virtualizer, the code they share with the rest), so the tab's first paint waits for neither. Run by `npm run build`
// after `vite build`; the same function builds it in memory for the browser test (scripts/embed-test-plugin.mjs),
// so the test proves this exact recipe.
//
// esbuild rather than a second Vite mode: the test runner and the bundle-size bench need the build as
// a function they can call in memory (and the bench needs esbuild's metafile anyway).
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { basename, dirname, join, relative, resolve } from 'node:path';
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
  // The license notices of Lit, @lit/context and the virtualizer go to
  // campaign-kit.bundle.js.LEGAL.txt beside the bundle (shipped with it, linked from its last line)
  // instead of 2 KB at the end of the code every page downloads.
  legalComments: 'linked',
  plugins: [esbuildMinifyLiterals()],
};

export const BUNDLE_DIR = dirname(BUNDLE_FILE);

/**
 * The languages the kit loads on demand (src/i18n/translate.ts: `import('./de.js')`), each a file of
 * its own beside the bundle, `campaign-kit.<lang>.js`, fetched only when an element's lang asks for it.
 */
export const LAZY_LANGUAGES = { de: join(root, 'src/i18n/de.ts') };

/** esbuild: the kit's dynamic import of a shipped language stays an import of the file beside the bundle. */
export function languagesApart() {
  return {
    name: 'cr-languages-apart',
    setup(b) {
      b.onResolve({ filter: /^\.\/[a-z]{2,3}\.js$/ }, (args) => {
        const language = args.path.slice(2, -3);
        if (args.kind !== 'dynamic-import' || !(language in LAZY_LANGUAGES) || !args.importer.endsWith(join('src', 'i18n', 'translate.ts'))) return undefined;
        return { path: `./campaign-kit.${language}.js`, external: true };
      });
    },
  };
}

/**
 * Builds the bundle and the files beside it. `write: false` keeps them in memory and returns their
 * text (the test runner serves them from there); otherwise it writes them and their source maps into
 * dist/ (the maps not linked from the code). `text` is the bundle; `chunks` the files beside it that it
 * imports (languages and chunks on demand, and the code they share with it), by file name.
 */
export async function buildBundle({ write = true, outdir = BUNDLE_DIR } = {}) {
  if (write) mkdirSync(outdir, { recursive: true });
  const entries = [
    { in: BUNDLE_ENTRY, out: basename(BUNDLE_FILE, '.js') },
    ...Object.entries(LAZY_LANGUAGES).map(([language, file]) => ({ in: file, out: `campaign-kit.${language}` })),
  ];
  const result = await build({
    ...bundleOptions,
    plugins: [languagesApart(), ...bundleOptions.plugins],
    entryPoints: entries,
    outdir,
    // The dialog and the history are `import()`ed by the tab: chunks of their own beside the bundle,
    // named for the module and its content (a new release never meets a stale cached chunk).
    splitting: true,
    chunkNames: 'campaign-kit.[name]-[hash]',
    write,
    // The map stays out of the package (a third of the tarball, for code that is mostly Lit's): written
    // beside the bundle for a build from the repository, not linked from it, so a page that copies the
    // bundle never asks for a map it does not have.
    sourcemap: write ? 'external' : false,
    metafile: true,
  });
  const outfile = join(outdir, `${entries[0].out}.js`);
  const written = write
    ? Object.keys(result.metafile.outputs).map((file) => resolve(root, file))
    : result.outputFiles.map((output) => output.path);
  const read = (file) => (write ? readFileSync(file, 'utf8') : result.outputFiles.find((output) => output.path === file).text);
  const siblings = written.filter((file) => file.endsWith('.js') && file !== outfile);
  return { text: read(outfile), outfile, chunks: new Map(siblings.map((file) => [basename(file), read(file)])) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { text, outfile, chunks } = await buildBundle();
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const size = (code) => `${kb(Buffer.byteLength(code))} minified, ${kb(gzipSync(code, { level: 9 }).length)} gzipped`;
  console.log(`${relative(root, outfile)}  ${size(text)}`);
  for (const [name, code] of chunks) console.log(`${relative(root, join(dirname(outfile), name))}  ${size(code)}`);
}
