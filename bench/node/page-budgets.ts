/**
 * Per-page size budgets, printed by bench/node/bundle.bench.ts: what a page pays, in the chunks a
 * host's bundler would make (esbuild with code splitting, minified, templates minified as shipped,
 * each chunk gzipped at zlib level 9 and the sizes added up, as a browser fetches them one by one).
 * The German table stays apart (it is loaded only under lang="de") and is counted nowhere here, nor
 * the English vocabulary labels that load with another language.
 *
 * - first paint: the entry's chunk and every chunk it imports statically, i.e. what the browser must
 *   have before the element can render; the chunks behind an `import()` come later.
 * - everything: the same, plus every chunk reachable through `import()` (the whole page once the
 *   person has used all of it).
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { resolve, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Modules a page loads only under another language than English (German: de.ts and its parts in de/). */
const isLanguageModule = (input: string) => input === 'src/i18n/de.ts' || input.startsWith('src/i18n/de/') || input === 'src/i18n/en/vocabulary.ts';

export interface PageSize {
  /** gzipped bytes of the chunks a first paint needs */
  firstPaint: number;
  /** gzipped bytes of every chunk reachable from the entry, dynamic imports included */
  everything: number;
  /** minified bytes of the same two sets */
  firstPaintMinified: number;
  everythingMinified: number;
  /** chunk files (relative) a first paint needs, and those that come on demand */
  staticChunks: string[];
  lazyChunks: string[];
  metafile: Metafile;
}

export interface SplitOptions {
  root: string;
  tsconfigRaw: unknown;
  plugins: Plugin[];
}

/** Builds `entry` with code splitting in memory and adds up its chunks, gzipped one by one. */
export async function measurePage(entry: string, { root, tsconfigRaw, plugins }: SplitOptions): Promise<PageSize> {
  const outdir = resolve(root, 'bench-results/pages');
  const result = await build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    outdir,
    absWorkingDir: root,
    tsconfigRaw: tsconfigRaw as never,
    logLevel: 'error',
    legalComments: 'linked',
    plugins,
  });
  const files = new Map(result.outputFiles.filter((file) => file.path.endsWith('.js')).map((file) => [relative(root, file.path), file.contents]));
  const outputs = result.metafile.outputs;
  // The entry's own output, by its entry point: the chunks behind an import() have entry points too,
  // and come first when their hashed names sort first.
  const entryPoint = relative(root, resolve(root, entry));
  const entryOut = Object.keys(outputs).find((out) => outputs[out].entryPoint === entryPoint && out.endsWith('.js'))!;
  // What only another language loads (the English vocabulary labels, fetched with German): apart, as German is.
  const languageOnly = (out: string) => {
    const inputs = Object.entries(outputs[out]?.inputs ?? {}).filter(([, { bytesInOutput }]) => bytesInOutput > 0);
    return inputs.length > 0 && inputs.every(([input]) => isLanguageModule(input));
  };
  const reach = (withDynamic: boolean): Set<string> => {
    const seen = new Set<string>();
    const visit = (out: string) => {
      if (seen.has(out) || !files.has(out) || languageOnly(out)) return;
      seen.add(out);
      for (const imported of outputs[out].imports) {
        if (imported.external) continue;
        if (imported.kind === 'import-statement' || (withDynamic && imported.kind === 'dynamic-import')) visit(imported.path);
      }
    };
    visit(entryOut);
    return seen;
  };
  const staticSet = reach(false);
  const allSet = reach(true);
  const gz = (set: Set<string>) => [...set].reduce((sum, out) => sum + gzipSync(files.get(out)!, { level: 9 }).length, 0);
  const min = (set: Set<string>) => [...set].reduce((sum, out) => sum + files.get(out)!.length, 0);
  return {
    firstPaint: gz(staticSet),
    everything: gz(allSet),
    firstPaintMinified: min(staticSet),
    everythingMinified: min(allSet),
    staticChunks: [...staticSet],
    lazyChunks: [...allSet].filter((out) => !staticSet.has(out)),
    metafile: result.metafile,
  };
}

/** The kit's modules (and packages) with the most minified bytes in the chunks of `set`. */
export function largestInputs(metafile: Metafile, outputs: string[], count: number): [string, number][] {
  const totals = new Map<string, number>();
  for (const out of outputs) {
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[out]?.inputs ?? {})) {
      totals.set(input, (totals.get(input) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, count);
}

/** A package (and its subpaths) replaced by an empty module: what a page would cost without it. */
export function stubPackage(name: string): Plugin {
  // esbuild hands the filter to Go's regexp engine, which knows no JavaScript flags.
  const filter = new RegExp(`^${name.replaceAll('.', '\\.')}(/|$)`);
  return {
    name: `stub-${name}`,
    setup(b) {
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: `stub-${name}` }));
      b.onLoad({ filter: /.*/, namespace: `stub-${name}` }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    },
  };
}

/** The smallest Lit element (one template, one style), bundled and gzipped: Lit's own floor. */
export async function litFloor(root: string): Promise<number> {
  const result = await build({
    stdin: { contents: "import { LitElement, html, css } from 'lit'; customElements.define('x-floor', class extends LitElement { static styles = css`:host{display:block}`; render() { return html`<p>${'floor'}</p>`; } });", resolveDir: root },
    bundle: true, minify: true, write: false, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'error',
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}
