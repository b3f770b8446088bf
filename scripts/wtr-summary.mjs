// A web-test-runner reporter shared by the Chromium, Firefox and WebKit configs.
import { relative } from 'node:path';

/**
 * Prints "N passed, N failed, N skipped" on a line of its own (wtr's summary shares its line), and
 * before it one "FAILED: …" line per failed test with its error's first line: CI keeps only the tail
 * of a long log, and a failure must be identifiable from that tail alone.
 */
export const plainSummary = {
  onTestRunFinished({ sessions }) {
    let passed = 0, failed = 0, skipped = 0;
    const failures = [];
    const walk = (suite, session, path) => {
      for (const t of suite.tests) {
        if (t.skipped) skipped++;
        else if (t.passed) passed++;
        else {
          failed++;
          const message = (t.error?.message ?? 'failed').split('\n')[0].slice(0, 300);
          failures.push(`FAILED: ${session.browser?.name ?? ''} ${relative(process.cwd(), session.testFile)} › ${[...path, t.name].join(' › ')}: ${message}`);
        }
      }
      for (const child of suite.suites) walk(child, session, [...path, child.name]);
    };
    const fileTimes = new Map();
    const sum = (suite) => suite.tests.reduce((ms, t) => ms + (t.duration ?? 0), 0) + suite.suites.reduce((ms, child) => ms + sum(child), 0);
    for (const session of sessions) {
      if (session.testResults) fileTimes.set(relative(process.cwd(), session.testFile), sum(session.testResults));
      const before = failed;
      if (session.testResults) walk(session.testResults, session, []);
      if (!session.passed && failed === before) {
        failed++; // a test file that failed to load
        const message = (session.errors?.[0]?.message ?? 'did not run').split('\n')[0].slice(0, 300);
        failures.push(`FAILED: ${session.browser?.name ?? ''} ${relative(process.cwd(), session.testFile)}: ${message}`);
      }
    }
    // The slowest files, to keep the whole run within CI's time.
    const slowest = [...fileTimes].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([file, ms]) => `${file.replace('test/browser/', '')} ${(ms / 1000).toFixed(1)} s`);
    setTimeout(() => console.log(`\nSlowest files: ${slowest.join(', ')}\n${failures.join('\n')}${failures.length ? '\n' : ''}${passed} passed, ${failed} failed, ${skipped} skipped`));
  },
};
