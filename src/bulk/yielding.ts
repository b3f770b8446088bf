/**
 * Long work in slices that leave the page free to paint and answer input between them: no task of
 * the page's may take over 50 ms (a "long task"), even for 10,000 pasted rows.
 */

/** How long one slice may run before it yields. Well under 50 ms, for a slow tablet's sake. */
export const SLICE_MS = 5;

interface Scheduler {
  yield?: () => Promise<void>;
}

/** Lets the page run (input, paint) before the promise resolves: `scheduler.yield()` where there is one. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  // A message, not setTimeout(0): nested timeouts are clamped to 4 ms, which would make 10,000 rows slow.
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Calls `each` on every item, yielding to the page whenever a slice has run `sliceMs`; stops with an
 * AbortError when `signal` aborts. `onProgress` hears how many are done after each slice.
 */
export async function forEachSliced<T>(
  items: readonly T[],
  each: (item: T, index: number) => void,
  options: { signal?: AbortSignal; sliceMs?: number; onProgress?: (done: number) => void; now?: () => number } = {},
): Promise<void> {
  const now = options.now ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? SLICE_MS;
  let sliceStart = now();
  for (let i = 0; i < items.length; i++) {
    each(items[i], i);
    // Reading the clock costs too: every 16 items is often enough for work of microseconds each.
    if ((i & 15) === 15 && now() - sliceStart >= sliceMs) {
      options.onProgress?.(i + 1);
      await yieldToPage();
      options.signal?.throwIfAborted();
      sliceStart = now();
    }
  }
  options.onProgress?.(items.length);
}
