// Minifies the kit's Lit templates (html`…`, svg`…`) and styles (css`…`) in what we ship: the Vite
// library build (vite.config.ts), the single-file bundle (scripts/build-bundle.mjs) and the bundle-size
// bench (bench/node/bundle.bench.ts), so the bench measures what a host gets. The browser tests run on
// src/ as written, except the plain-HTML embedding test, which loads the bundle.
//
// @lit-labs/rollup-plugin-minify-html-literals is the Lit team's own (lit/lit monorepo): it parses the
// file with TypeScript, replaces each template's expressions with a placeholder, runs html-minifier-next
// (HTML) or Lightning CSS (CSS) and splits the result back, failing loudly if a binding got lost.
import { readFile } from 'node:fs/promises';
import { minifyHTMLLiterals } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';

/** Only the kit's own sources: Lit and the virtualizer ship minified already. */
export const KIT_SOURCE = /[\\/]src[\\/].*\.ts$/;

/**
 * html-minifier-next options on top of the plugin's defaults (collapseWhitespace, removeComments,
 * caseSensitive so `.dataClient=${…}` keeps its case, attribute quotes kept). Changed:
 * - removeEmptyAttributes off: it drops `value=""`, and `<option value="">Choose…</option>` would then
 *   submit its label instead of nothing.
 * - conservativeCollapse on: runs of whitespace become one space instead of none next to a tag, so
 *   `<b>${n}</b> ${label}` and `${a} <span>` keep the space people see between words.
 */
export const MINIFY_OPTIONS = {
  removeEmptyAttributes: false,
  conservativeCollapse: true,
};

/** The minified source of one file, or the file as it was when it has no template to minify. */
export async function minifyTemplateLiterals(code, fileName) {
  const result = await minifyHTMLLiterals(code, { fileName, minifyOptions: MINIFY_OPTIONS, generateSourceMap: false });
  return result?.code ?? code;
}

/** esbuild: minify the kit's sources as they load (the single-file bundle, the bench). */
export function esbuildMinifyLiterals() {
  return {
    name: 'cr-minify-literals',
    setup(build) {
      build.onLoad({ filter: KIT_SOURCE }, async (args) => ({
        contents: await minifyTemplateLiterals(await readFile(args.path, 'utf8'), args.path),
        loader: 'ts',
      }));
    },
  };
}

/** Vite (Rolldown): the same, before TypeScript is compiled; its source map chains dist/'s maps back to src/ as written. */
export function viteMinifyLiterals() {
  return {
    name: 'cr-minify-literals',
    enforce: 'pre',
    async transform(code, id) {
      if (!KIT_SOURCE.test(id.split('?')[0])) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id, minifyOptions: MINIFY_OPTIONS });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}
