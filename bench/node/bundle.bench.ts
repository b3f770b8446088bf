/**
 * Bundle budget, run by `npm run bench` (or `npm run bench -- bundle`, or alone:
 * `node --import tsx bench/node/bundle.bench.ts`). Measures, asserts nothing.
 *
 * Method: esbuild's JS API (bundle, ES2022, browser, minify) in memory, then gzip (zlib level 9) of
 * the output. Lit resolves to its production build, as it does in a host's bundler. The kit's Lit
 * templates and styles are minified first, by the same transform as the library build and the
 * single-file bundle (scripts/minify-literals.mjs): the bench measures what we ship.
 *
 * 1. The whole kit: src/bundle.ts, the single-file bundle's entry (every element registered through
 *    define/all, the public API of src/index.ts, the outbox of src/offline; Lit, @lit/context,
 *    idb, valibot inside). With the virtualizer, and without it: `@lit-labs/virtualizer/*`
 *    replaced by an empty module (what the kit costs if the history list did not virtualize).
 * 2. `<add-response-dialog>`'s own code: src/define/add-response-dialog.ts with every module outside
 *    src/components/add-response-dialog/ external (packages and the kit's shared modules), so only
 *    the dialog's folder and its define file are in the output. Also, for context, the same define
 *    file with only the packages external (the dialog plus the kit modules it needs).
 * 3. Each define file alone with everything inside: what a host pays for one element.
 * Not in any of them: the German table (src/i18n/de.ts), which the kit imports only when an element's
 * `lang` asks for German (a file of its own beside the bundle, a chunk of its own in a host's bundler);
 * it is measured alone and printed as excluded. English is built in and counted everywhere.
 * Beside them the figures of two peers for the same dialog (PEERS; known figures, not measured here).
 * 4. The npm tarball: `npm pack` (prepack builds), packed and unpacked, beside its budget.
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LAZY_LANGUAGES, languagesApart } from '../../scripts/build-bundle.mjs';
import { esbuildMinifyLiterals } from '../../scripts/minify-literals.mjs';
import { PACKED_BUDGET, packKit } from '../../scripts/pack-kit.mjs';
import { largestInputs, litFloor, measurePage, stubPackage } from './page-budgets.js';

const ROOT = resolve(import.meta.dirname, '../..');
const tsconfigRaw = { compilerOptions: JSON.parse(readFileSync(resolve(ROOT, 'tsconfig.json'), 'utf8')).compilerOptions };
const KB = 1024;
const DIALOG_DIR = 'src/components/add-response-dialog/';

interface Measured {
  minified: number;
  gzipped: number;
  /** The license notices esbuild moved out of the code into a .LEGAL.txt (bytes; 0 when there were none). */
  legal: number;
  metafile: Metafile;
}

async function measure(entry: string, plugins: Plugin[] = [], extra: { packages?: 'external' } = {}): Promise<Measured> {
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    outdir: resolve(ROOT, 'bench-results/bundle'),
    absWorkingDir: ROOT,
    tsconfigRaw,
    logLevel: 'error',
    // As the single-file bundle ships them: license notices in a .LEGAL.txt beside the code, not in it.
    legalComments: 'linked',
    // German stays apart, as in what we ship: the kit imports it only under lang="de" (printed below).
    plugins: [languagesApart(), ...plugins, esbuildMinifyLiterals()],
    ...extra,
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'))!.contents;
  const legal = result.outputFiles.find((file) => file.path.endsWith('.LEGAL.txt'))?.contents.length ?? 0;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, legal, metafile: result.metafile };
}

/** `@lit-labs/virtualizer` and its subpaths become an empty CommonJS module (named imports read undefined). */
const withoutVirtualizer: Plugin = {
  name: 'stub-virtualizer',
  setup(b) {
    b.onResolve({ filter: /^@lit-labs\/virtualizer(\/|$)/ }, (args) => ({ path: args.path, namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/** Everything outside the dialog's folder (and the entry) stays an import: the output is the dialog's own code. */
const onlyDialogFolder: Plugin = {
  name: 'only-dialog-folder',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (!args.path.startsWith('.')) return { path: args.path, external: true };
      const file = relative(ROOT, resolve(args.resolveDir, args.path));
      return file.startsWith(DIALOG_DIR) ? undefined : { path: args.path, external: true };
    });
  },
};

/** Minified bytes in the output by where they come from: a package, or the kit's own src/. */
function byOrigin(metafile: Metafile): [string, number][] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
      const origin = pkg ?? (input.startsWith('src/') ? `src/${input.split('/')[1]}` : input);
      totals.set(origin, (totals.get(origin) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `  ${cells.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`.trimEnd();
  console.log(line(header));
  console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

const PEERS = [
  { name: 'Shoelace', gzipped: 44 * KB },
  { name: 'Material Web', gzipped: 43 * KB },
];

async function main(): Promise<void> {
  console.log(`\nBundle budget (esbuild ${(await import('esbuild')).version}: bundle, minify, ES2022, browser; gzip = zlib level 9)`);
  const whole = await measure('src/bundle.ts');
  const lean = await measure('src/bundle.ts', [withoutVirtualizer]);
  const dialogOwn = await measure('src/define/add-response-dialog.ts', [onlyDialogFolder]);
  const dialogWithKit = await measure('src/define/add-response-dialog.ts', [], { packages: 'external' });

  const rows = [
    // The whole kit has no budget of its own any more: the per-page budgets below replace it.
    { name: 'whole kit, with the virtualizer', m: whole, limit: undefined },
    { name: 'whole kit, virtualizer stubbed out', m: lean, limit: undefined },
    { name: '<add-response-dialog> own code', m: dialogOwn, limit: 5 * KB },
    { name: '<add-response-dialog> + kit modules it needs (packages external)', m: dialogWithKit, limit: undefined },
  ];
  const peers = PEERS.map((p) => `${p.name} ${kb(p.gzipped)}`).join(', ');
  console.log('');
  table(['bundle', 'minified', 'ours (gzipped)', 'target', 'holds', 'ratio to peers (gzipped)'], rows.map((r) => [
    r.name, kb(r.m.minified), kb(r.m.gzipped), r.limit ? `≤ ${kb(r.limit)}` : '—', r.limit ? (r.m.gzipped <= r.limit ? 'yes' : 'NO') : '—',
    r.name.startsWith('whole') ? PEERS.map((p) => `${(r.m.gzipped / p.gzipped).toFixed(2)}× ${p.name}`).join(', ') : '—',
  ]));
  for (const [language, file] of Object.entries(LAZY_LANGUAGES)) {
    const m = await measure(relative(ROOT, file));
    console.log(`\n  Excluded from every line above: the ${language} table (${relative(ROOT, file)}), loaded only under lang="${language}": ${kb(m.minified)} minified, ${kb(m.gzipped)} gzipped.`);
  }
  console.log(`  Excluded too: the license notices of the bundled packages, in a .LEGAL.txt beside the code (whole kit: ${kb(whole.legal)}).`);
  const tarball = packKit();
  rmSync(tarball.destination, { recursive: true, force: true });
  console.log(`  The npm tarball (npm pack, as published): ${(tarball.size / 1000).toFixed(1)} kB packed (budget ≤ ${PACKED_BUDGET / 1000} kB: ${tarball.size <= PACKED_BUDGET ? 'holds' : 'NO'}), ${(tarball.unpackedSize / 1000).toFixed(1)} kB unpacked, ${tarball.files} files.`);
  console.log(`\n  Peers (known figures, not measured here): a dialog with a select, an input, a textarea and a button, gzipped: ${peers}.`);

  await pageBudgets(peers);

  console.log('\n  One define file, everything inside (what a host pays for that element alone):');
  const defines = readdirSync(resolve(ROOT, 'src/define')).filter((file) => file.endsWith('.ts') && file !== 'all.ts').sort();
  const defineRows: string[][] = [];
  for (const file of defines) {
    const m = await measure(`src/define/${file}`);
    defineRows.push([`define/${file.replace(/\.ts$/, '.js')}`, kb(m.minified), kb(m.gzipped)]);
  }
  table(['entry', 'minified', 'gzipped'], defineRows);

  console.log('\n  Whole kit (with the virtualizer): minified bytes in the output by origin (before gzip):');
  table(['origin', 'minified', 'share'], byOrigin(whole.metafile).map(([origin, bytes]) => [origin, kb(bytes), `${((100 * bytes) / whole.minified).toFixed(1)}%`]));
  console.log(`\n  The dialog's own code is ${Object.keys(dialogOwn.metafile.inputs).length} files: ${Object.keys(dialogOwn.metafile.inputs).map((f) => relative(dirname(DIALOG_DIR), f)).join(', ')}`);
}

/**
 * What a page pays, split into the chunks a host's bundler makes (see page-budgets.ts): the budgets
 * per page that replace the whole kit's.
 */
async function pageBudgets(peers: string): Promise<void> {
  const options = { root: ROOT, tsconfigRaw, plugins: [languagesApart(), esbuildMinifyLiterals()] };
  const tab = await measurePage('src/define/campaign-responses-tab.ts', options);
  const dialog = await measurePage('src/define/add-response-dialog.ts', options);
  const kit = await measurePage('src/bundle.ts', options);
  const rows = [
    { name: 'before <campaign-responses-tab> first paints', minified: tab.firstPaintMinified, gzipped: tab.firstPaint, limit: 25 * KB },
    { name: 'recipient subtab: tab, dialog, history + virtualizer, online client', minified: tab.everythingMinified, gzipped: tab.everything, limit: 40 * KB },
    { name: '<add-response-dialog> alone with its data client', minified: dialog.firstPaintMinified, gzipped: dialog.firstPaint, limit: 22 * KB },
    { name: 'whole kit (every element, every chunk)', minified: kit.everythingMinified, gzipped: kit.everything, limit: undefined },
  ];
  console.log(`\n  Per page, in chunks (esbuild splitting; each chunk gzipped, summed; German apart). Peers: ${peers}.`);
  table(['page', 'minified', 'ours (gzipped)', 'target', 'holds', 'ratio to peers (gzipped)'], rows.map((r) => [
    r.name, kb(r.minified), kb(r.gzipped), r.limit ? `≤ ${kb(r.limit)}` : 'printed', r.limit ? (r.gzipped <= r.limit ? 'yes' : 'NO') : '—',
    PEERS.map((p) => `${(r.gzipped / p.gzipped).toFixed(2)}× ${p.name}`).join(', '),
  ]));
  await pageFloor(options, [tab, tab, dialog]);
  console.log(`  The tab's chunks on demand: ${tab.lazyChunks.length ? tab.lazyChunks.map((c) => relative('bench-results/pages', c)).join(', ') : 'none (everything loads before the first paint)'}.`);
  // Each page's metafile, for esbuild's analyzer (https://esbuild.github.io/analyze/) or a script.
  const pages = { 'campaign-responses-tab': tab, 'add-response-dialog': dialog, kit };
  mkdirSync(resolve(ROOT, 'bench-results/pages'), { recursive: true });
  for (const [name, page] of Object.entries(pages)) writeFileSync(resolve(ROOT, `bench-results/pages/${name}.meta.json`), JSON.stringify(page.metafile));
  console.log(`  Metafiles: ${Object.keys(pages).map((name) => `bench-results/pages/${name}.meta.json`).join(', ')}.`);
  for (const [name, page] of [['<campaign-responses-tab>', tab], ['<add-response-dialog>', dialog]] as const) {
    console.log(`\n  ${name}: the largest modules of its first paint (minified bytes in the output, before gzip):`);
    table(['module', 'minified'], largestInputs(page.metafile, page.staticChunks, 20).map(([input, bytes]) => [input.replace(/^node_modules\//, ''), kb(bytes)]));
  }
  console.log('\n  The recipient subtab, every chunk: its largest modules (minified bytes in the output, before gzip):');
  const chunks = [...tab.staticChunks, ...tab.lazyChunks];
  table(['module', 'minified', 'on demand'], largestInputs(tab.metafile, chunks, 15).map(([input, bytes]) => [
    input.replace(/^node_modules\//, ''), kb(bytes), tab.lazyChunks.some((c) => tab.metafile.outputs[c].inputs[input]) ? 'yes' : '—',
  ]));
}

/**
 * How far the budgets are from what the kit's own code allows: the same pages with the three
 * packages the later features brought (the history's virtualizer, the answers' schema check, the
 * live feed's SSE parser) replaced by empty modules, and Lit's own floor. What is left over the
 * budget after that is the kit's own code.
 */
async function pageFloor(options: Parameters<typeof measurePage>[1], asIs: Awaited<ReturnType<typeof measurePage>>[]): Promise<void> {
  const packages = ['@lit-labs/virtualizer', 'valibot', 'eventsource-parser'];
  const stubbed = { ...options, plugins: [...packages.map(stubPackage), ...options.plugins] };
  const tab = await measurePage('src/define/campaign-responses-tab.ts', stubbed);
  const dialog = await measurePage('src/define/add-response-dialog.ts', stubbed);
  const lit = await litFloor(ROOT);
  const rows = [
    ['before <campaign-responses-tab> first paints', asIs[0].firstPaint, tab.firstPaint, 25 * KB],
    ['recipient subtab', asIs[1].everything, tab.everything, 40 * KB],
    ['<add-response-dialog> alone with its data client', asIs[2].firstPaint, dialog.firstPaint, 22 * KB],
  ] as const;
  console.log(`\n  Without ${packages.join(', ')} (empty modules), gzipped; Lit's smallest element is ${kb(lit)}:`);
  table(['page', 'as is', 'without the three', 'target', 'still over', 'the kit\'s own code (without the three, less Lit)'], rows.map(([name, now, without, limit]) => [
    name, kb(now), kb(without), `≤ ${kb(limit)}`, without > limit ? kb(without - limit) : 'no', kb(without - lit),
  ]));
}

await main();
