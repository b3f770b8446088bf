/**
 * The Dataverse preset's cost per history call against a raw `fetch` of the identical request (same
 * URL with its OData $filter, same headers) and the same `JSON.parse`: what the preset adds is the
 * filter's building, the OData headers, the bounded read, paging (next link), mapping every row
 * (option sets, date-only, annotations) and validating the page. Target ≤ 1.2× the raw call.
 */
import { createDataverseAdapter } from '../../src/presets/dataverse.js';
import { DATAVERSE_CONTACT } from './fixtures.js';
import { compare, type BenchContext, type BenchResult } from './harness.js';

export async function run(context: BenchContext): Promise<BenchResult[]> {
  const headers = { Authorization: `Bearer ${context.token}` };
  const adapter = createDataverseAdapter({ baseUrl: context.apiBase, headers: async () => headers });
  await adapter.getResponseTypes(); // the vocabulary is read once per adapter, as on a page
  let url = '';
  let rawHeaders: Record<string, string> = {};
  // The preset's own request, captured once, so the baseline sends exactly the same bytes.
  await createDataverseAdapter({
    baseUrl: context.apiBase, headers,
    fetch: async (input, init) => {
      url = String(input);
      rawHeaders = init?.headers as Record<string, string>;
      return fetch(input, init);
    },
  }).getRecipientResponses(DATAVERSE_CONTACT);
  return [
    await compare(
      {
        name: 'dataverse preset getRecipientResponses (50 rows)',
        baselineName: 'fetch + JSON.parse',
        target: 1.2,
        ours: () => adapter.getRecipientResponses(DATAVERSE_CONTACT),
        baseline: async () => JSON.parse(await (await fetch(url, { headers: rawHeaders })).text()),
      },
      context,
    ),
  ];
}
