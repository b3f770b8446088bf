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
  const files = globSync(pattern);
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

// Two server files at a time: each has a database of its own (PGlite in memory, or a schema) and
// servers on ports of their own, and most of a file's time is PGlite's start, which one core does.
const serverSuites = async () => {
  if (want('server')) await nodeSuite('server (PGlite)', 'test/server/*.test.ts', { DATABASE_URL: '' }, 2);
  if (want('server') && process.env.CR_TEST_DATABASE_URL) {
    await nodeSuite('server (PostgreSQL)', 'test/server/*.test.ts', { DATABASE_URL: process.env.CR_TEST_DATABASE_URL }, 2);
  }
};
const nodeSuites = async () => {
  if (want('node')) await nodeSuite('node', 'test/node/*.test.ts');
};
const browsers = async () => {
  if (want('browser')) await browserSuite();
  await inFirefox('firefox', () => browserSuite('firefox', ['--config', 'web-test-runner.firefox.config.mjs']));
  await inWebKit('webkit', () => browserSuite('webkit', ['--config', 'web-test-runner.webkit.config.mjs']));
};
const endToEnd = {
  chromium: async () => (want('e2e') ? nodeSuite('e2e', 'test/e2e/*.test.ts') : undefined),
  firefox: () => inFirefox('e2e-firefox', () => nodeSuite('e2e-firefox', 'test/e2e-firefox/*.test.ts')),
  webkit: () => inWebKit('e2e-webkit', () => nodeSuite('e2e-webkit', 'test/e2e-webkit/*.test.ts')),
};

if (lanes > 1) {
  // Two lanes of about equal length (measured: server passes and e2e ~930 s; the browsers, node and
  // the other engines' e2e ~880 s), each one suite at a time: a browser suite spends much of its
  // time waiting (timers, the network), which the other lane's work fills.
  await Promise.all([
    (async () => {
      await serverSuites();
      await endToEnd.chromium();
    })(),
    (async () => {
      await browsers();
      await nodeSuites();
      await endToEnd.firefox();
      await endToEnd.webkit();
    })(),
  ]);
} else {
  await serverSuites();
  await nodeSuites();
  await browsers();
  await endToEnd.chromium();
  await endToEnd.firefox();
  await endToEnd.webkit();
}

rmSync(work, { recursive: true, force: true });
console.log(`\nTime per suite: ${durations.join(', ')}`);
if (failedSuites.length) console.log(`\nFailed suites: ${failedSuites.join(', ')}`);
if (failures.length) console.log(failures.join('\n'));
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
