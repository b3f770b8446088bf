// A node:test reporter that writes {"passed":N,"failed":N,"skipped":N} when the run ends, so
// scripts/test-all.mjs can add the node suites to the browser suite in one closing line.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type === 'test:pass' && event.data.details?.type !== 'suite') {
      if (event.data.skip || event.data.todo) counts.skipped++;
      else counts.passed++;
    } else if (event.type === 'test:fail' && event.data.details?.type !== 'suite') {
      counts.failed++;
    }
  }
  yield JSON.stringify(counts);
}
