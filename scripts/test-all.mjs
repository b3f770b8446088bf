#!/usr/bin/env node
// `npm test`: every suite, one after the other, then one closing line "N passed, N failed, N skipped".
//   1. the server's contract tests on PGlite (and again on PostgreSQL when CR_TEST_DATABASE_URL is set)
//   2. node-side tests (adapter against real HTTP servers, model)
//   3. the browser tests in Chromium (web-test-runner)
//   4. the whole browser suite again in Firefox, when one is installed
//      (web-test-runner.firefox.config.mjs; CI installs firefox-esr)
//   5. the whole browser suite again in WebKit, when WebKitWebDriver is installed
//      (web-test-runner.webkit.config.mjs; CI installs webkit2gtk-driver, xvfb and xauth)
//   6. end-to-end tests: the demo page against `npm start`'s server, driven by playwright-core
//   7. the end-to-end record and offline flows again in Firefox (test/e2e-firefox, puppeteer-core
//      over WebDriver BiDi) and in WebKit (test/e2e-webkit, webdriverio over WebDriver), when installed
// Pass suite names to run only some: `npm test -- server browser` (server, node, browser, firefox,
// webkit, e2e, e2e-firefox, e2e-webkit).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { globSync } from './glob.mjs';
import { WEBKIT_HOW_TO, findWebKit } from './webkit.mjs';
import { pgliteTemplatePath } from './pglite-template.mjs';

const only = process.argv.slice(2);
/**
 * CR_TEST_LANES=2 runs the suites in two lanes side by side (CI sets it, to stay within its time on
 * two cores); unset, one after the other.
 */
const lanes = Number(process.env.CR_TEST_LANES ?? 1);
const work = mkdtempSync(join(tmpdir(), 'cr-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSuites = [];
/** Every failed test, named again at the end: CI shows only the tail of the log. */
const failures = [];

/**
 * Runs a command; resolves with its exit status and, when `capture` is set, its output (so suites
 * run side by side do not interleave their logs: each is printed whole when it ends).
 */
function run(command, args, { env = process.env, capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'] });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('error', reject).once('close', (status) => resolve({ status, output }));
  });
}

/** Suites run side by side capture their output; one after the other, they stream it. */
const capture = lanes > 1;

async function nodeSuite(name, pattern, env = {}, concurrency = 1) {
  const files = Array.isArray(pattern) ? pattern : globSync(pattern);
  if (files.length === 0) return;
  const started = Date.now();
  const countsFile = join(work, `${name.replace(/\W+/gu, '-')}.json`);
  const result = await run(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`,
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      `--test-reporter=./scripts/count-reporter.mjs`, `--test-reporter-destination=${countsFile}`, ...files],
    { env: { ...process.env, ...env }, capture },
  );
  process.stdout.write(result.output);
  let counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    counts = JSON.parse(readFileSync(countsFile, 'utf8'));
    failures.push(...(counts.failures ?? []).map((line) => `[${name}] ${line}`));
  } catch {
    counts.failed = 1; // the runner died before reporting
  }
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  record(name, counts, started);
}

async function browserSuite(name = 'browser', args = []) {
  const started = Date.now();
  // Always captured: the closing "N passed" line is read from it.
  const result = await run('npx', ['web-test-runner', ...args], { capture: true });
  process.stdout.write(result.output);
  const match = /^(\d+) passed, (\d+) failed, (\d+) skipped$/m.exec(result.output);
  failures.push(...result.output.split('\n').filter((line) => line.startsWith('FAILED: ')).map((line) => `[${name}] ${line}`));
  const counts = match
    ? { passed: +match[1], failed: +match[2], skipped: +match[3] }
    : { passed: 0, failed: 1, skipped: 0 };
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  record(name, counts, started);
}

/** The Firefox of scripts/find-browser.mjs, without its exit when there is none. */
const firefox = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => path && existsSync(path));

/** Each suite's line says how long it took, to keep CI under its time. */
const durations = [];

function record(name, counts, started) {
  const seconds = Math.round((Date.now() - started) / 1000);
  durations.push(`${name} ${seconds} s`);
  console.log(`[${name}] ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`);
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  if (counts.failed > 0) failedSuites.push(name);
}

/**
 * A suite that needs a browser that may be missing: run when `found`; else a failure when asked
 * for by name, a skip line (saying how to install it) otherwise.
 */
function ifInstalled(found, missing) {
  return async (name, suite) => {
    if (!want(name)) return;
    if (found) await suite();
    else if (only.includes(name)) record(name, { passed: 0, failed: 1, skipped: 0 }, Date.now());
    else console.log(`[${name}] skipped: ${missing}`);
  };
}
const inFirefox = ifInstalled(firefox, 'no Firefox found (Debian: apt-get install -y firefox-esr, or set FIREFOX_PATH)');
const inWebKit = ifInstalled(findWebKit(), `no WebKitWebDriver found. ${WEBKIT_HOW_TO}`);

const want = (name) => only.length === 0 || only.includes(name);

// Every suite opens in-memory PGlite databases; they start from one dump instead of each running initdb.
process.env.CR_PGLITE_TEMPLATE ??= await pgliteTemplatePath();

// Two server files at a time on PGlite: each has a database of its own (PGlite in memory, or a
// schema) and servers on ports of their own, and most of a file's time is PGlite's start, which one
// core does. Four at a time on PostgreSQL, where a file mostly waits for the database server: on
// a loaded machine the pass took 216 s with three against 319 s with two, all 187 tests passing.
const PGLITE_FILES_AT_ONCE = 2;
const POSTGRES_FILES_AT_ONCE = 4;
const serverFiles = 'test/server/*.test.ts';
/**
 * Server files whose subject is HTTP, not the database (headers, CORS, tokens, roles, the dev
 * server, start-up checks, input fuzzing, input refused before any query): with a PostgreSQL pass in the run (CI), they run there
 * only, as ONCE_ACROSS_ENGINES does for single tests (test/server/helpers.ts). PGlite is PostgreSQL
 * built to WebAssembly; what differs between the engines (connections, locks, folders, NOTIFY) is in
 * the files that stay in both passes. Run alone (`npm test` without CR_TEST_DATABASE_URL), PGlite
 * runs them all.
 */
const ENGINE_INDEPENDENT = ['cache-control', 'demo-sign-in', 'fuzz', 'http', 'identity-jwt', 'machine-cause', 'pixel-fast-path', 'production', 'rate-limit', 'roles', 'security-demo', 'security-devserver', 'security-input', 'tracking-keys']
  .map((name) => `test/server/${name}.test.ts`);
for (const file of ENGINE_INDEPENDENT) if (!existsSync(file)) throw new Error(`${file} is named in ENGINE_INDEPENDENT but does not exist`);
const pgliteFiles = () =>
  process.env.CR_TEST_DATABASE_URL ? globSync(serverFiles).filter((file) => !ENGINE_INDEPENDENT.includes(file)) : serverFiles;
const firefoxConfig = ['--config', 'web-test-runner.firefox.config.mjs'];
const webkitConfig = ['--config', 'web-test-runner.webkit.config.mjs'];

/**
 * Every suite with its seconds in CI's last run (PGlite's estimated without the files above), and its
 * `step` in the numbered list above, the order one after the other. With lanes, each lane takes the
 * longest suite left when its last one ends, which keeps the lanes' ends close whatever a change
 * adds to one suite.
 */
const suites = [
  { step: 1, seconds: 380, run: async () => want('server') && nodeSuite('server (PGlite)', pgliteFiles(), { DATABASE_URL: '' }, PGLITE_FILES_AT_ONCE) },
  { step: 7, seconds: 400, run: async () => want('e2e') && nodeSuite('e2e', 'test/e2e/*.test.ts') },
  { step: 5, seconds: 205, run: () => inFirefox('firefox', () => browserSuite('firefox', firefoxConfig)) },
  { step: 4, seconds: 295, run: async () => want('browser') && browserSuite() },
  { step: 8, seconds: 245, run: () => inFirefox('e2e-firefox', () => nodeSuite('e2e-firefox', 'test/e2e-firefox/*.test.ts')) },
  {
    step: 2,
    seconds: 200,
    run: async () =>
      want('server') && process.env.CR_TEST_DATABASE_URL && nodeSuite('server (PostgreSQL)', serverFiles, { DATABASE_URL: process.env.CR_TEST_DATABASE_URL }, POSTGRES_FILES_AT_ONCE),
  },
  { step: 6, seconds: 140, run: () => inWebKit('webkit', () => browserSuite('webkit', webkitConfig)) },
  { step: 3, seconds: 45, run: async () => want('node') && nodeSuite('node', 'test/node/*.test.ts') },
  { step: 9, seconds: 95, run: () => inWebKit('e2e-webkit', () => nodeSuite('e2e-webkit', 'test/e2e-webkit/*.test.ts')) },
];

if (lanes > 1) {
  // A browser suite spends much of its time waiting (timers, the network), which the other lane's
  // work fills; on two cores, two lanes end about when the longer half does.
  const queue = [...suites].sort((a, b) => b.seconds - a.seconds);
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await next.run();
  };
  await Promise.all(Array.from({ length: lanes }, lane));
} else {
  for (const suite of [...suites].sort((a, b) => a.step - b.step)) await suite.run();
}

rmSync(work, { recursive: true, force: true });
console.log(`\nTime per suite: ${durations.join(', ')}`);
if (failedSuites.length) console.log(`\nFailed suites: ${failedSuites.join(', ')}`);
if (failures.length) console.log(failures.join('\n'));
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
