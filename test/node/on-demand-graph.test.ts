/**
 * Loading on demand, as rules on esbuild's module graph with code splitting (what a host's bundler
 * and the single-file bundle do): the chunks a page needs before <campaign-responses-tab> paints hold
 * neither the dialog, nor the history, nor the virtualizer, nor the Delete flow, nor the outbox, nor
 * German, nor the change stream's reader; those come through `import()`. And the single-file bundle exports what the package root exports, but the two
 * classes it loads on demand.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');
const tsconfigRaw = { compilerOptions: JSON.parse(readFileSync(resolve(ROOT, 'tsconfig.json'), 'utf8')).compilerOptions };

async function split(entry: string): Promise<Metafile> {
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    outdir: resolve(ROOT, 'bench-results/on-demand'),
    absWorkingDir: ROOT,
    tsconfigRaw,
    logLevel: 'error',
  });
  return result.metafile;
}

/** The inputs with code in the entry's chunk and the chunks it imports statically: a first paint's modules. */
function firstPaintInputs(metafile: Metafile, entryPoint: string): string[] {
  const outputs = metafile.outputs;
  // The entry's own output: chunks loaded by import() are entry points of the metafile too.
  const entry = Object.keys(outputs).find((out) => outputs[out].entryPoint === entryPoint)!;
  const seen = new Set<string>();
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const imported of outputs[out].imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entry);
  return [...seen].flatMap((out) => Object.entries(outputs[out].inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0).map(([input]) => input));
}

const ON_DEMAND = [
  'src/components/add-response-dialog/add-response-dialog.ts',
  'src/components/response-history/response-history.ts',
  'node_modules/@lit-labs/virtualizer/',
  'src/offline/outbox.ts',
  // Delete's confirmation, Undo and Restore: nothing shows them before the first Delete.
  'src/components/campaign-responses-tab/delete-flow.ts',
  // German: de.ts and its parts in de/.
  'src/i18n/de',
  // The English labels of the built-in vocabulary, needed only under another language.
  'src/i18n/en/vocabulary.ts',
  // What reads the change stream (the SSE parser, the reconnecting loop, the poll): loaded when the
  // first element follows a record, after the first paint.
  'src/adapter/live-reader.ts',
  'src/adapter/sse-follow.ts',
  'src/adapter/live-poll.ts',
  'node_modules/eventsource-parser/',
  // Valibot and the schemas answers are checked against: loaded with the first request, while it runs.
  'node_modules/valibot/',
  'src/model/schemas.ts',
  'src/adapter/contract.ts',
];

/** What `<add-response-dialog>` alone (with its data client) loads only after its first paint. */
const DIALOG_ON_DEMAND = ['node_modules/valibot/', 'src/model/schemas.ts', 'src/adapter/contract.ts', 'node_modules/eventsource-parser/', 'src/adapter/sse-follow.ts'];

describe('loading on demand', () => {
  // The single-file bundle exports the outbox's API (Outbox, openOutbox, ...), the whole English
  // table (en) and the model's schemas, so it carries them.
  const inBundle = ON_DEMAND.filter(
    (m) => !m.startsWith('src/offline/') && !['src/i18n/en/vocabulary.ts', 'node_modules/valibot/', 'src/model/schemas.ts'].includes(m),
  );
  for (const [entry, lazyModules] of [['src/define/campaign-responses-tab.ts', ON_DEMAND], ['src/bundle.ts', inBundle]] as const) {
    test(`${entry}: the first paint's chunks hold none of ${lazyModules.join(', ')}`, async () => {
      const metafile = await split(entry);
      const inputs = firstPaintInputs(metafile, entry);
      assert.ok(inputs.some((input) => input.startsWith('src/components/campaign-responses-tab/')), 'the tab itself is there');
      assert.deepEqual(inputs.filter((input) => lazyModules.some((lazy) => input.startsWith(lazy))), []);
      // ... and they are reachable on demand.
      const everything = Object.keys(metafile.inputs);
      for (const lazy of ON_DEMAND.slice(0, 3)) assert.ok(everything.some((input) => input.startsWith(lazy)), `${lazy} is not reachable at all`);
    });
  }

  test(`src/define/add-response-dialog.ts: the first paint's chunks hold none of ${DIALOG_ON_DEMAND.join(', ')}`, async () => {
    const entry = 'src/define/add-response-dialog.ts';
    const inputs = firstPaintInputs(await split(entry), entry);
    assert.ok(inputs.some((input) => input.startsWith('src/components/add-response-dialog/')), 'the dialog itself is there');
    assert.deepEqual(inputs.filter((input) => DIALOG_ON_DEMAND.some((lazy) => input.startsWith(lazy))), []);
  });

  test('the single-file bundle exports what the package root does, but the three classes it loads on demand', async () => {
    const exportsOf = async (entry: string) => {
      const result = await build({ entryPoints: [resolve(ROOT, entry)], bundle: true, format: 'esm', packages: 'external', write: false, metafile: true, outdir: resolve(ROOT, 'bench-results/on-demand'), absWorkingDir: ROOT, tsconfigRaw, logLevel: 'error' });
      return Object.values(result.metafile.outputs).flatMap((output) => output.exports).sort();
    };
    const root = await exportsOf('src/index.ts');
    const bundle = await exportsOf('src/bundle.ts');
    const offline = await exportsOf('src/offline/index.ts');
    const expected = [...new Set([...root.filter((name) => !['AddResponseDialog', 'ResponseHistory', 'BulkResponseEntry'].includes(name)), ...offline])].sort();
    assert.deepEqual(bundle, expected);
  });
});
