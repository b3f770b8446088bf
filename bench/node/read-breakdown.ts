/**
 * Where a read's time goes: the same request timed whole, its database statements timed one by one
 * (through a wrapper around the database's `query`), and what is left, the JavaScript around them
 * (the route, the assembly, JSON and its ETag). Printed by stats.bench.ts, so a change to a read
 * shows which part it moved.
 */
import type { Db } from '../../server/db/db.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (value: number) => `${value.toFixed(2)} ms`;

/** A statement's first words, as a name for it in the table. */
const nameOf = (sql: string) => sql.replace(/\s+/gu, ' ').trim().slice(0, 70);

/** `db` with every `query` timed into `times` (by statement) while `recording` is set. */
export function timingDb(db: Db): { db: Db; start: () => void; stop: () => Map<string, number> } {
  let times: Map<string, number> | undefined;
  const query: Db['query'] = async (sql, params) => {
    const start = performance.now();
    try {
      return await db.query(sql, params);
    } finally {
      if (times) times.set(nameOf(sql), (times.get(nameOf(sql)) ?? 0) + performance.now() - start);
    }
  };
  const wrapped = new Proxy(db, {
    get: (target, property) => (property === 'query' ? query : Reflect.get(target, property, target)),
  });
  return {
    db: wrapped,
    start: () => {
      times = new Map();
    },
    stop: () => {
      const done = times ?? new Map<string, number>();
      times = undefined;
      return done;
    },
  };
}

/**
 * Runs `read` `runs` times with the statements timed; prints the median of the whole, of each
 * statement, and of the rest (the whole less its statements, run by run).
 */
export async function printBreakdown(label: string, runs: number, timing: ReturnType<typeof timingDb>, read: () => Promise<unknown>): Promise<void> {
  const wholes: number[] = [];
  const rests: number[] = [];
  const byStatement = new Map<string, number[]>();
  for (let i = 0; i < runs; i += 1) {
    timing.start();
    const start = performance.now();
    await read();
    const whole = performance.now() - start;
    const statements = timing.stop();
    wholes.push(whole);
    let inStatements = 0;
    for (const [name, time] of statements) {
      byStatement.set(name, [...(byStatement.get(name) ?? []), time]);
      inStatements += time;
    }
    rests.push(whole - inStatements);
  }
  console.log(`\n  Where ${label}'s time goes (medians of ${runs} reads):`);
  console.log(`    ${fmt(median(wholes)).padStart(9)}  the whole read`);
  for (const [name, times] of byStatement) console.log(`    ${fmt(median(times)).padStart(9)}  ${name}`);
  console.log(`    ${fmt(median(rests)).padStart(9)}  JavaScript around the statements (route, assembly, JSON, ETag)`);
}
