/**
 * What every `bench/browser/*.bench.ts` shares with `scripts/bench.mjs`: the context the runner gives
 * a page, the result a page gives back, and the measuring method, so every benchmark is taken the
 * same way. A bench module exports `run(context): Promise<BenchResult[]>`; it measures, never asserts.
 */

/** Given by the runner to `run()`. */
export interface BenchContext {
  /** Base URL of the runner's API (same origin as the page), e.g. `/api`. */
  apiBase: string;
  /** The bearer token the API checks; a request without it gets 401. */
  token: string;
  /** Rounds and calls per round, scaled down by `BENCH_QUICK=1` for a smoke run. */
  rounds: number;
  callsPerRound: number;
}

/**
 * One line of the runner's table. Times are per call (or per operation), in milliseconds, unless
 * `unit` says otherwise. A result without a baseline is printed as an absolute value, with no ratio.
 */
export interface BenchResult {
  name: string;
  ours: number;
  /** What `ours` and `baseline` count when not milliseconds, e.g. "nodes" or "frames". */
  unit?: string;
  baseline?: number;
  /** What the baseline is, e.g. "fetch + res.json()". */
  baselineName?: string;
  /** The largest acceptable ours ÷ baseline. */
  target?: number;
  /** The largest acceptable `ours` itself, in `unit` (an absolute target, instead of a ratio). */
  limit?: number;
  /** How it was measured, printed under the table. */
  note?: string;
  /** Every round's time, for a closer look in bench-results/latest.json. */
  samples?: Record<string, number[]>;
}

export interface Comparison {
  name: string;
  baselineName: string;
  target: number;
  ours: () => Promise<unknown>;
  baseline: () => Promise<unknown>;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Per-call milliseconds of `calls` sequential calls. */
async function timeBatch(call: () => Promise<unknown>, calls: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < calls; i += 1) await call();
  return (performance.now() - start) / calls;
}

/**
 * Warms both up, then alternates batches of ours and the baseline, swapping which goes first each
 * round, so that drift (JIT, GC, the machine's other load) falls on both alike. Reports medians,
 * which one slow round (a GC, a context switch) does not move.
 */
export async function compare(comparison: Comparison, context: BenchContext): Promise<BenchResult> {
  const { rounds, callsPerRound } = context;
  await timeBatch(comparison.ours, callsPerRound);
  await timeBatch(comparison.baseline, callsPerRound);
  const samples = { ours: [] as number[], baseline: [] as number[] };
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 ? (['baseline', 'ours'] as const) : (['ours', 'baseline'] as const);
    for (const side of order) samples[side].push(await timeBatch(comparison[side], callsPerRound));
  }
  return {
    name: comparison.name,
    baselineName: comparison.baselineName,
    target: comparison.target,
    ours: median(samples.ours),
    baseline: median(samples.baseline),
    samples,
  };
}
