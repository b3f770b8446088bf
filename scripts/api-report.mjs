#!/usr/bin/env node
// The public API report: one etc/<name>.api.md per entry point of package.json's "exports", made by
// API Extractor from the declarations in dist/types. `npm run api:check` fails when one differs
// from the committed report (and prints the difference); `npm run api:update` rewrites them.
// A changed report is a changed public API: it comes with a CHANGELOG entry (CONTRIBUTING.md).
//
// API Extractor takes one entry point per run; the runs share one TypeScript program
// (CompilerState), so the whole check costs one analysis, not one per entry point.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompilerState, Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TYPES = join(ROOT, 'dist/types');
const update = process.argv.includes('--update');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/**
 * Report name → declaration file, for every export whose types are the kit's own (dist/types; the
 * framework typings are generated from custom-elements.json, which CI checks already). A pattern
 * export gives one report per file: `./presets/*` its top-level presets (the subfolders are their
 * parts). The define files export nothing: what they promise is a tag and its element, which
 * API Extractor does not see in a `declare global` and custom-elements.json records.
 */
function entryPoints() {
  const entries = new Map();
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const types = typeof target === 'object' ? target.types : undefined;
    if (!types?.startsWith('./dist/types/') || types.startsWith('./dist/types/define/')) continue;
    const name = (stem) => [pkg.name, ...stem.replace(/^\.\/?/, '').replace(/\.js$/, '').split('/').filter(Boolean)].join('-');
    if (!types.includes('*')) {
      entries.set(name(subpath), join(ROOT, types));
      continue;
    }
    const folder = join(ROOT, types.slice(0, types.indexOf('*')));
    for (const file of existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.d.ts')).sort() : []) {
      entries.set(name(subpath.replace('*', basename(file, '.d.ts'))), join(folder, file));
    }
  }
  return entries;
}

/** Every .ts under src, newest modification time first. */
function newestSource(folder = join(ROOT, 'src')) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : entry.name.endsWith('.ts') ? statSync(path).mtimeMs : 0);
  }
  return newest;
}

// After `npm run build` (as in CI) the declarations are fresh and used as they are; otherwise they
// are written first, so a report never describes an older src/ than the one checked out.
const index = join(TYPES, 'index.d.ts');
if (!existsSync(index) || statSync(index).mtimeMs < newestSource()) {
  console.log('api-report: dist/types is missing or older than src/: tsc -p tsconfig.build.json');
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}

const configFile = join(ROOT, 'api-extractor.json');
const base = ExtractorConfig.loadFile(configFile);
const entries = entryPoints();
const configOf = (reportName, entry) =>
  ExtractorConfig.prepare({
    configObject: { ...base, mainEntryPointFilePath: entry, apiReport: { ...base.apiReport, reportFileName: reportName } },
    configObjectFullPath: configFile,
    packageJsonFullPath: join(ROOT, 'package.json'),
  });
const [first] = entries;
const compilerState = CompilerState.create(configOf(...first), { additionalEntryPoints: [...entries.values()] });

const QUIET = new Set(['console-preamble', 'console-api-report-unchanged', 'console-api-report-copied', 'console-api-report-created']);
mkdirSync(join(ROOT, 'etc'), { recursive: true });
const changed = [];
for (const [reportName, entry] of entries) {
  const result = Extractor.invoke(configOf(reportName, entry), {
    compilerState,
    localBuild: update,
    printApiReportDiff: !update,
    messageCallback: (message) => {
      // Said once below, not once per entry point.
      if (QUIET.has(message.messageId)) message.handled = true;
    },
  });
  if (result.apiReportChanged) changed.push(reportName);
  if (result.errorCount > 0) {
    console.error(`api-report: ${relative(ROOT, entry)}: ${result.errorCount} error(s)`);
    process.exitCode = 1;
  }
}

if (update) {
  if (process.exitCode) console.error('api-report: some reports could not be made (see above).');
  console.log(`api-report: ${entries.size} reports in etc/${changed.length ? `, updated: ${changed.join(', ')}` : ', none changed'}.`);
} else if (changed.length || process.exitCode) {
  console.error(
    `\napi-report: the public API differs from the committed report (${changed.join(', ') || 'see above'}).\n` +
      'If the change is meant, run `npm run api:update`, commit etc/*.api.md, and add a CHANGELOG entry for it.',
  );
  process.exitCode = 1;
} else {
  console.log(`api-report: the public API matches etc/ (${entries.size} entry points).`);
}
