// A node:test reporter that writes {"passed":N,"failed":N,"skipped":N,"failures":[…]} when the run
// ends, so scripts/test-all.mjs can add the node suites to the browser suite in one closing line and
// name every failed test again at the very end of the log.
import { relative } from 'node:path';
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type === 'test:pass' && event.data.details?.type !== 'suite') {
      if (event.data.skip || event.data.todo) counts.skipped++;
      else counts.passed++;
    } else if (event.type === 'test:fail' && event.data.details?.type !== 'suite') {
      counts.failed++;
      const error = event.data.details?.error;
      const message = String(error?.cause?.message ?? error?.message ?? 'failed').split('\n')[0].slice(0, 300);
      counts.failures.push(`FAILED: ${relative(process.cwd(), event.data.file ?? '')} › ${event.data.name}: ${message}`);
    }
  }
  yield JSON.stringify(counts);
}
