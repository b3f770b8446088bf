/**
 * "Importing one element's define file pulls in only what that element needs", as rules on
 * esbuild's module graph: each src/define/<tag>.ts is bundled (packages external, metafile on) and the
 * src/ modules whose code lands in the bundle (after tree-shaking) and the packages it imports are checked. A heavy cross-import (one element's code in
 * another's bundle, the outbox engine in an element, the campaign side in a recipient-side element)
 * fails here, with the chain of imports that brought it in.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');
const tsconfigRaw = { compilerOptions: JSON.parse(readFileSync(resolve(ROOT, 'tsconfig.json'), 'utf8')).compilerOptions };

interface Graph {
  /** src/ modules with code in the bundle (reached and not tree-shaken away). */
  modules: string[];
  /** Packages (bare imports) the bundle imports. */
  packages: string[];
  metafile: Metafile;
}

async function graphOf(entry: string): Promise<Graph> {
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    packages: 'external',
    write: false,
    metafile: true,
    outdir: resolve(ROOT, 'bench-results/graph'),
    absWorkingDir: ROOT,
    tsconfigRaw,
    logLevel: 'error',
  });
  const { metafile } = result;
  const modules = Object.values(metafile.outputs)
    .flatMap((output) => Object.entries(output.inputs).filter(([input, { bytesInOutput }]) => input.startsWith('src/') && bytesInOutput > 0))
    .map(([input]) => input);
  const packages = [...new Set(Object.values(metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path)))];
  return { modules, packages, metafile };
}

/** How `target` got into the bundle: the first import chain from the entry, for the failure message. */
function chainTo(metafile: Metafile, target: string): string {
  const parents = new Map<string, string>();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const imported of input.imports) if (!parents.has(imported.path)) parents.set(imported.path, file);
  }
  const chain = [target];
  while (parents.has(chain[0]) && chain.length < 20) chain.unshift(parents.get(chain[0])!);
  return chain.join(' → ');
}

function assertExcludes(graph: Graph, forbidden: (module: string) => boolean, why: string): void {
  const found = graph.modules.filter(forbidden);
  assert.deepEqual(found, [], `${why}\n${found.map((m) => `  ${chainTo(graph.metafile, m)}`).join('\n')}`);
}

const DEFINES = readdirSync(resolve(ROOT, 'src/define')).filter((file) => file.endsWith('.ts') && file !== 'all.ts').map((file) => file.replace(/\.ts$/, ''));
const ELEMENT_FOLDERS = readdirSync(resolve(ROOT, 'src/components'), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'base').map((d) => d.name);

/** Elements that render other elements, or borrow one file of another's folder: the only cross-folder imports allowed. */
const COMPOSES: Record<string, string[]> = {
  'campaign-responses-tab': ['src/components/add-response-dialog/', 'src/components/response-history/'],
  'campaign-clickthrough-report': ['src/components/campaign-response-report/report-parts.ts'],
};

/**
 * The campaign side: elements on the reports client (CrCampaignElement). Every other element is on the
 * recipient side (the data client) and must not bundle the campaign side's client; a new campaign-side
 * element is added here.
 */
const CAMPAIGN_SIDE = ['campaign-stats-panel', 'campaign-response-report', 'campaign-clickthrough-report'];
const CAMPAIGN_SIDE_MODULES = [
  'src/adapter/rest-campaigns.ts',
  'src/model/campaign-stats.ts',
  'src/model/campaign-stats-schemas.ts',
  'src/data/reports-client.ts',
  'src/data/reports-configure.ts',
  'src/components/base/cr-campaign-element.ts',
  'src/components/base/reports-client-controller.ts',
];
/** The recipient side's client and REST adapter, which a campaign-side element does not call. */
const RECIPIENT_CLIENT_MODULES = ['src/data/data-client.ts', 'src/data/pending-deletion.ts', 'src/adapter/rest.ts'];
/** The outbox engine is opt-in (a host opens it); elements may use its error class and types only. */
const OUTBOX_ALLOWED = new Set(['src/offline/errors.ts', 'src/offline/types.ts']);
/** The elements whose define may bring the virtualizer: <response-history> and what renders it, and the bulk entry's preview. */
const VIRTUALIZED = new Set(['response-history', 'campaign-responses-tab', 'bulk-response-entry']);

const graphs = new Map<string, Graph>();
before(async () => {
  for (const define of DEFINES) graphs.set(define, await graphOf(`src/define/${define}.ts`));
});

describe('each define file pulls in only what its element needs', () => {
  for (const define of DEFINES) {
    describe(`define/${define}`, () => {
      test("no other element's code, except the elements it renders", () => {
        const graph = graphs.get(define)!;
        const allowed = [`src/components/${define}/`, ...(COMPOSES[define] ?? [])];
        const others = ELEMENT_FOLDERS.filter((folder) => folder !== define).map((folder) => `src/components/${folder}/`);
        assertExcludes(
          graph,
          (m) => others.some((folder) => m.startsWith(folder)) && !allowed.some((a) => m.startsWith(a)),
          `define/${define} includes another element's code:`,
        );
      });

      test('not the outbox engine (src/offline/** beyond its errors and types)', () => {
        assertExcludes(graphs.get(define)!, (m) => m.startsWith('src/offline/') && !OUTBOX_ALLOWED.has(m), `define/${define} includes the outbox:`);
      });

      test(VIRTUALIZED.has(define) ? 'the virtualizer, for the history list' : 'not the virtualizer', () => {
        const hasVirtualizer = graphs.get(define)!.packages.some((p) => p.startsWith('@lit-labs/virtualizer'));
        assert.equal(hasVirtualizer, VIRTUALIZED.has(define), `define/${define} imports: ${graphs.get(define)!.packages.join(', ')}`);
      });

      if (!CAMPAIGN_SIDE.includes(define)) {
        test('not the campaign side (reports client, campaign REST adapter, statistics model)', () => {
          assertExcludes(
            graphs.get(define)!,
            (m) => CAMPAIGN_SIDE_MODULES.includes(m),
            `define/${define} includes campaign-side modules (if it is a campaign-side element, add it to CAMPAIGN_SIDE):`,
          );
        });
      } else {
        // src/data/configure.ts, shared by both sides, imports createRestAdapter and CampaignDataClient;
        // today they are tree-shaken away from campaign-side bundles. This keeps it so.
        test("not the recipient side's data client and REST adapter", () => {
          assertExcludes(graphs.get(define)!, (m) => RECIPIENT_CLIENT_MODULES.includes(m), `define/${define} includes the recipient-side client:`);
        });
      }
    });
  }

  test('the known elements are all checked', () => {
    const known = ['campaign-responses-tab', 'add-response-dialog', 'response-history', 'campaign-data-provider', 'campaign-stats-panel'];
    for (const define of known) assert.ok(DEFINES.includes(define), `src/define/${define}.ts is missing`);
  });
});

describe('the package root and define/all', () => {
  test('src/index.ts registers nothing: it includes no define file', async () => {
    const graph = await graphOf('src/index.ts');
    assertExcludes(graph, (m) => m.startsWith('src/define/'), 'src/index.ts includes a define file:');
  });

  test('German (src/i18n/de.ts) is only imported on demand: no define file nor the root imports it statically', async () => {
    const entries = [...graphs.entries(), ['index', await graphOf('src/index.ts')] as const];
    let dynamic = 0;
    for (const [name, graph] of entries) {
      const imports = Object.entries(graph.metafile.inputs).flatMap(([file, input]) =>
        input.imports.filter((i) => i.path === 'src/i18n/de.ts').map((i) => ({ file, kind: i.kind })));
      for (const { file, kind } of imports) assert.equal(kind, 'dynamic-import', `${name}: ${file} imports src/i18n/de.ts statically`);
      dynamic += imports.length;
    }
    // The loader is there (src/i18n/translate.ts), so the check above looked at something.
    assert.ok(dynamic > 0, 'no module imports src/i18n/de.ts at all: how does German load?');
  });

  test('define/all.ts registers every define file', () => {
    const all = readFileSync(resolve(ROOT, 'src/define/all.ts'), 'utf8');
    for (const define of DEFINES) assert.ok(all.includes(`'./${define}.js'`), `define/all.ts does not import ./${define}.js`);
  });
});
