#!/usr/bin/env node
// `npm run bench`: every `bench/browser/*.bench.ts` in one Chromium, against a loopback API.
//
// The runner serves each bench as a page, bundled with esbuild from the repo's sources (one build with
// code splitting: what the kit loads on demand comes over the loopback server as a chunk), plus an API
// (`/api/...`, bodies from bench/browser/fixtures.ts, a bearer token checked like a real backend).
// A page exports `run(context)` and resolves with results (see bench/browser/harness.ts); the runner
// prints one table and writes bench-results/latest.json. Benchmarks measure, they do not assert: the
// exit code is 0 unless the harness itself fails. `npm run bench -- adapter` runs only matching files;
// `BENCH_QUICK=1` runs few rounds, to check that the harness works. `BENCH_BROWSER=firefox` runs the
// pages in Firefox instead (scripts/bench-browser.mjs), writing bench-results/latest-firefox.json.
// Then every `bench/node/*.bench.ts` (the server's: stats, summary and CSV at scale), each in its own
// Node process through tsx, printing its own table; the same name filter applies.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { build } from 'esbuild';
import { benchEngine, launchBenchBrowser } from './bench-browser.mjs';
import { globSync } from './glob.mjs';

const TOKEN = 'bench-token';
const API = '/api';
const PAGE_TIMEOUT_MS = 120_000;
const quick = process.env.BENCH_QUICK === '1';
const context = { apiBase: API, token: TOKEN, rounds: quick ? 3 : 30, callsPerRound: quick ? 5 : 50 };

// Decorators (the elements' benches) need the repo's experimentalDecorators; esbuild reads only
// compilerOptions, and tsconfig.json is plain JSON.
const tsconfigRaw = { compilerOptions: JSON.parse(readFileSync('tsconfig.json', 'utf8')).compilerOptions };

async function bundle(entry, options = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    tsconfigRaw,
    logLevel: 'silent',
    ...options,
  });
  return result.outputFiles[0].text;
}

/**
 * Every bench page in one build with code splitting, as a host's bundler would make it: what the kit
 * loads on demand (the tab's dialog and history) is a chunk of its own, fetched over the loopback
 * server when first needed. Returns every output file's text by its name (`tab.js`, `chunk-….js`).
 */
async function bundlePages(files) {
  const result = await build({
    entryPoints: files.map((file) => ({ in: file, out: basename(file, '.bench.ts') })),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    outdir: 'bench-results/pages-out',
    write: false,
    tsconfigRaw,
    logLevel: 'silent',
  });
  return new Map(result.outputFiles.map((file) => [basename(file.path, '.js'), file.text]));
}

/** The fixtures module, bundled for Node and imported from memory: no build step, no tsx needed. */
async function loadFixtures() {
  const code = await bundle('bench/browser/fixtures.ts', { platform: 'node' });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const pageHtml = (name) => `<!doctype html>
<meta charset="utf-8"><title>bench: ${name}</title>
<script type="module">
  import { run } from './${name}.js';
  globalThis.__benchDone = run(${JSON.stringify(context)});
</script>`;

/**
 * PUT /api/responses/{id} (the outbox benches): answers 201 with the stored line, as the reference
 * server does, without storing anything, so both sides of a bench pay the same server cost.
 */
function putResponse(req, send) {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let line;
    try {
      line = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(400, 'application/problem+json', JSON.stringify({ title: 'Bad Request', status: 400 }));
    }
    const stored = { ...line, categoryId: 'responded', recordedAt: new Date().toISOString(), author: 'bench', source: 'manual', link: null, evidence: null };
    send(201, 'application/json', JSON.stringify(stored));
  });
}

/**
 * POST /api/responses/batch (the outbox's batch bench): every line answered `stored`, in the reference
 * server's shape, storing nothing, like putResponse: the bench weighs requests and the outbox, not a
 * database (bench/node/batch.bench.ts weighs the real server).
 */
function batchResponses(req, send) {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let lines;
    try {
      lines = JSON.parse(Buffer.concat(chunks).toString('utf8')).lines;
    } catch {
      return send(400, 'application/problem+json', JSON.stringify({ title: 'Bad Request', status: 400 }));
    }
    const recordedAt = new Date().toISOString();
    const results = lines.map((line) => ({ id: line.id, outcome: 'stored', line: { ...line, categoryId: 'responded', recordedAt, author: 'bench', source: 'manual', link: null, evidence: null } }));
    send(200, 'application/json', JSON.stringify({ results, stored: results.length, alreadyStored: 0, refused: 0 }));
  });
}

function startServer(routes, scripts, pages) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    const send = (status, type, body) => {
      // no-store: every call of both sides must cross the network, none may come from the cache.
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname.startsWith(`${API}/`)) {
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        return send(401, 'application/problem+json', JSON.stringify({ title: 'Unauthorized', status: 401 }));
      }
      if (req.method === 'PUT' && /^\/responses\/[^/]+$/.test(url.pathname.slice(API.length))) return putResponse(req, send);
      if (req.method === 'POST' && url.pathname === `${API}/responses/batch`) return batchResponses(req, send);
      const body = routes.get(url.pathname.slice(API.length));
      return body === undefined
        ? send(404, 'application/problem+json', JSON.stringify({ title: 'Not Found', status: 404 }))
        : send(200, 'application/json', body);
    }
    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    const match = /^\/bench\/([\w-]+)\.(html|js)$/.exec(url.pathname);
    if (match && (match[2] === 'html' ? pages.has(match[1]) : scripts.has(match[1]))) {
      return match[2] === 'html'
        ? send(200, 'text/html; charset=utf-8', pageHtml(match[1]))
        : send(200, 'text/javascript; charset=utf-8', scripts.get(match[1]));
    }
    send(404, 'text/plain', 'not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function runPage(browser, origin, name) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  try {
    // `load` comes after module scripts ran, so by then the page has started its run, or failed to.
    await page.goto(`${origin}/bench/${name}.html`);
    const results = await page.evaluate(
      (ms) =>
        globalThis.__benchDone === undefined
          ? Promise.reject(new Error('the page did not start its run (did its module load?)'))
          : Promise.race([globalThis.__benchDone, new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ms))]),
      PAGE_TIMEOUT_MS,
    );
    return results.map((result) => ({ file: name, ...result }));
  } catch (error) {
    throw new Error(`${name}: ${error.message}${errors.length ? `\n  page errors: ${errors.join('\n  ')}` : ''}`);
  } finally {
    await page.close();
  }
}

/** A value in its unit: milliseconds unless the result names another (nodes, frames). */
const show = (value, unit = 'ms') => (unit === 'ms' ? `${value.toFixed(3)} ms` : `${Number(value.toFixed(2))} ${unit}`);

/**
 * ours ÷ baseline (when there is a baseline), and whether the target holds: an absolute `limit` on
 * ours when the result has one, else the ratio's `target`.
 */
function judge(result) {
  const ratio = result.baseline > 0 ? result.ours / result.baseline : null;
  if (result.limit !== undefined) return { ratio, holds: result.ours <= result.limit };
  return { ratio, holds: ratio === null || result.target === undefined ? null : ratio <= result.target };
}

function printTable(results) {
  const rows = results.map((r) => {
    const { ratio, holds } = judge(r);
    const target = r.limit !== undefined ? `≤ ${show(r.limit, r.unit)}` : r.target === undefined ? '—' : `≤ ${r.target}×`;
    return [r.name, show(r.ours, r.unit), r.baseline > 0 ? `${show(r.baseline, r.unit)} (${r.baselineName})` : '—',
      ratio === null ? '—' : `${ratio.toFixed(2)}×`, target, holds === null ? '—' : holds ? 'yes' : 'NO'];
  });
  const header = ['benchmark', 'ours', 'baseline', 'ratio', 'target', 'holds'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  const notes = results.filter((r) => r.note);
  if (notes.length) console.log(`\nHow:\n${notes.map((r) => `- ${r.name}: ${r.note}`).join('\n')}`);
}

async function main() {
  const only = process.argv.slice(2);
  const files = globSync('bench/browser/*.bench.ts').filter((file) => only.length === 0 || only.some((o) => file.includes(o)));
  if (files.length === 0) {
    if (nodeBenchFiles(only).length > 0) return; // only server benches asked for
    throw new Error('no bench/browser/*.bench.ts or bench/node/*.bench.ts matched');
  }
  const pages = files.map((file) => basename(file, '.bench.ts'));
  const scripts = await bundlePages(files);
  const fixtures = await loadFixtures();
  const routes = new Map(Object.entries(fixtures.apiRoutes()).map(([path, body]) => [path, JSON.stringify(body)]));

  const server = await startServer(routes, scripts, new Set(pages));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const engine = benchEngine();
  const { browser, label } = await launchBenchBrowser(engine);
  const started = Date.now();
  const results = [];
  const failures = [];
  try {
    console.log(`Benchmarks in ${label}, ${context.rounds} rounds × ${context.callsPerRound} calls${quick ? ' (BENCH_QUICK)' : ''}`);
    for (const name of pages) {
      process.stdout.write(`  ${name} … `);
      try {
        const pageResults = await runPage(browser, origin, name);
        console.log(`${pageResults.length} result(s)`);
        results.push(...pageResults);
      } catch (error) {
        // One broken bench page must not cost the others' numbers; it still fails the run.
        console.log('FAILED');
        failures.push(error.message);
      }
    }
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
  printTable(results);
  console.log(`\nMedians (times per call unless a unit is given); ratio = ours ÷ baseline. ${((Date.now() - started) / 1000).toFixed(1)} s in the browser.`);
  mkdirSync('bench-results', { recursive: true });
  // Chromium's figures stay in latest.json; another engine's go beside them.
  const written = engine === 'chromium' ? 'bench-results/latest.json' : `bench-results/latest-${engine}.json`;
  writeFileSync(written, `${JSON.stringify({
    at: new Date().toISOString(),
    browser: label,
    node: process.version,
    context,
    results: results.map((r) => ({ ...r, ...judge(r) })),
    failures,
  }, null, 2)}\n`);
  console.log(`Written to ${written}`);
  if (failures.length) throw new Error(`${failures.length} bench page(s) failed:\n${failures.join('\n')}`);
}

const nodeBenchFiles = (only) => globSync('bench/node/*.bench.ts').filter((file) => only.length === 0 || only.some((o) => file.includes(o)));

/** The server benches, after the browser ones; --expose-gc lets them show the live heap. */
function runNodeBenches(only) {
  let failed = 0;
  for (const file of nodeBenchFiles(only)) {
    console.log(`\n${file}`);
    // BENCH_ONLY tells a bench the names asked for, so an opt-in one (stats-10m) runs only when named.
    const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], { stdio: 'inherit', env: { ...process.env, BENCH_ONLY: only.join(',') } });
    if (result.status !== 0) failed += 1;
  }
  return failed;
}

main()
  .catch((error) => {
    console.error(`\nThe bench harness failed: ${error.stack ?? error}`);
    process.exitCode = 1;
  })
  .then(() => {
    // The server benches do not depend on the browser: run once, with Chromium's.
    if (benchEngine() === 'chromium' && runNodeBenches(process.argv.slice(2)) > 0) process.exitCode = 1;
  });
