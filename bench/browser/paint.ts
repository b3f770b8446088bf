/**
 * Measuring elements in the page: when something first shows on screen, how many nodes it made,
 * and the median of interleaved samples. Used by the element benches (history, tab).
 *
 * "Painted" is observed, not guessed: after every animation frame a task posted from that frame's
 * rAF callback runs once the frame's rendering (style, layout, ResizeObserver callbacks, paint) is
 * done, and checks the DOM. The first such check that sees the thing names the frame that painted
 * it. Times therefore come in steps of the display's frame (~16.7 ms at 60 Hz); a start taken right
 * after a frame (as a click's task would be) keeps both sides of a comparison on the same phase.
 */

/** Resolves after the next frame has been rendered and painted. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    }),
  );
}

export async function settle(frames = 2): Promise<void> {
  for (let i = 0; i < frames; i += 1) await afterNextPaint();
}

export interface PaintTiming {
  /** ms from the start until the thing was in the DOM (a MutationObserver saw it). */
  inDom: number;
  /** ms from the start until after the frame that painted it. */
  painted: number;
  /** How many frames after the start painted it: 1 = the very next frame. */
  frames: number;
}

/**
 * Calls `start()`, then watches `root` (a shadow root) until `shown(root)` holds: the time it entered
 * the DOM, and the frame that painted it. `root` may be a function, for a root `start()` creates.
 */
export async function timeUntilShown(
  start: () => void,
  root: () => ShadowRoot | null,
  shown: (root: ShadowRoot) => boolean,
  maxFrames = 300,
): Promise<PaintTiming> {
  let inDom: number | undefined;
  let observer: MutationObserver | undefined;
  const t0 = performance.now();
  start();
  const watched = root();
  if (!watched) throw new Error('no shadow root to watch');
  if (shown(watched)) inDom = performance.now();
  else {
    observer = new MutationObserver(() => {
      if (inDom === undefined && shown(watched)) inDom = performance.now();
    });
    observer.observe(watched, { childList: true, subtree: true, characterData: true, attributes: true });
  }
  try {
    for (let frames = 1; frames <= maxFrames; frames += 1) {
      await afterNextPaint();
      if (shown(watched)) {
        const painted = performance.now() - t0;
        return { inDom: (inDom ?? performance.now()) - t0, painted, frames };
      }
    }
  } finally {
    observer?.disconnect();
  }
  throw new Error(`not shown within ${maxFrames} frames`);
}

/** Every node under `root`, descending into open shadow roots (the root itself not counted). */
export function countNodes(root: Node): number {
  let count = 0;
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      count += 1;
      walk(child);
    }
    const shadow = (node as Element).shadowRoot;
    if (shadow) walk(shadow);
  };
  walk(root);
  return count;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Runs `sample(side)` `iterations` times for each side, rotating which goes first each round (after
 * one warm-up round, not kept), and returns every side's samples.
 */
export async function interleave<S extends string, T>(
  sides: readonly S[],
  iterations: number,
  sample: (side: S) => Promise<T>,
): Promise<Record<S, T[]>> {
  for (const side of sides) await sample(side);
  const samples = Object.fromEntries(sides.map((side) => [side, []])) as unknown as Record<S, T[]>;
  for (let round = 0; round < iterations; round += 1) {
    const order = [...sides.slice(round % sides.length), ...sides.slice(0, round % sides.length)];
    for (const side of order) samples[side].push(await sample(side));
  }
  return samples;
}
