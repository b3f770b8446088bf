// A web-test-runner reporter shared by the Chromium and Firefox configs.

/** Prints "N passed, N failed, N skipped" on a line of its own (wtr's summary shares its line). */
export const plainSummary = {
  onTestRunFinished({ sessions }) {
    let passed = 0, failed = 0, skipped = 0;
    const walk = (suite) => {
      for (const t of suite.tests) {
        if (t.skipped) skipped++;
        else if (t.passed) passed++;
        else failed++;
      }
      suite.suites.forEach(walk);
    };
    for (const session of sessions) {
      const before = failed;
      if (session.testResults) walk(session.testResults);
      if (!session.passed && failed === before) failed++; // a test file that failed to load
    }
    setTimeout(() => console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`));
  },
};
