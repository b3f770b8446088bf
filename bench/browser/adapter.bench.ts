/**
 * The REST adapter's cost per call against a raw `fetch` of the identical request: same URL, same
 * headers, same body parsed. What the adapter adds is its headers function, the timeout wiring, the
 * bounded streamed read, and schema validation; target ≤ 1.2× the raw call.
 */
import { createRestAdapter } from '../../src/adapter/index.js';
import { compare, type BenchContext, type BenchResult } from './harness.js';

export async function run(context: BenchContext): Promise<BenchResult[]> {
  const headers = { Authorization: `Bearer ${context.token}` };
  const adapter = createRestAdapter({ baseUrl: context.apiBase, headers: async () => headers });
  const rawHeaders = { Accept: 'application/json, application/problem+json', ...headers };
  const raw = (path: string) => async () => {
    const response = await fetch(context.apiBase + path, { headers: rawHeaders });
    return response.json();
  };
  const results: BenchResult[] = [];
  results.push(
    await compare(
      {
        name: 'adapter getResponseTypes (27 details)',
        baselineName: 'fetch + res.json()',
        target: 1.2,
        ours: () => adapter.getResponseTypes(),
        baseline: raw('/response-types'),
      },
      context,
    ),
  );
  results.push(
    await compare(
      {
        name: 'adapter getRecipientResponses (50 lines)',
        baselineName: 'fetch + res.json()',
        target: 1.2,
        ours: () => adapter.getRecipientResponses('r-bench', { campaignId: 'campaign-1' }),
        baseline: raw('/recipients/r-bench/responses?campaignId=campaign-1'),
      },
      context,
    ),
  );
  return results;
}
