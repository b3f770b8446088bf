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
    for (const session of sessions) {
      const before = failed;
      if (session.testResults) walk(session.testResults, session, []);
      if (!session.passed && failed === before) {
        failed++; // a test file that failed to load
        const message = (session.errors?.[0]?.message ?? 'did not run').split('\n')[0].slice(0, 300);
        failures.push(`FAILED: ${session.browser?.name ?? ''} ${relative(process.cwd(), session.testFile)}: ${message}`);
      }
    }
    setTimeout(() => console.log(`\n${failures.join('\n')}${failures.length ? '\n' : ''}${passed} passed, ${failed} failed, ${skipped} skipped`));
  },
};
