/**
 * The first Add Response click, with the dialog's module loaded on demand (a chunk of its own, served
 * by the runner over loopback with `no-store`, so nothing comes from a cache):
 * - warm: the page has painted the tab and its idle preload has loaded the dialog; frames from the
 *   click until the dialog is painted open (target: within 2 frames);
 * - cold: the click comes in the same task as the tab's first paint, before any preload; ms from the
 *   click until the dialog is painted open, its module fetched meanwhile (target: within 100 ms).
 *
 * Each sample is a new page: an iframe of this same module in frame mode (`?frame=warm|cold`), whose
 * modules and chunks are fetched anew. The tab's data is in memory (10 campaigns), so the network in a
 * cold sample is the dialog's chunk alone.
 */
import '../../src/define/campaign-responses-tab.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import type { AddResponseDialog } from '../../src/components/add-response-dialog/add-response-dialog.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import type { BenchContext, BenchResult } from './harness.js';
import { MemoryAdapter, campaigns } from './kit-data.js';
import { median, timeUntilShown, type PaintTiming } from './paint.js';

type Mode = 'warm' | 'cold';

/** In a frame: mounts the tab, clicks Add Response as `mode` says, and times the dialog's paint. */
async function frameSample(mode: Mode): Promise<PaintTiming> {
  const tab = document.createElement('campaign-responses-tab') as CampaignResponsesTab;
  tab.recipientId = 'r-bench';
  tab.dataClient = new CampaignDataClient({ adapter: new MemoryAdapter(campaigns(10)) });
  document.body.append(tab);
  const root = tab.shadowRoot!;
  // Cold: the microtask after the render that shows the table, before any other task (the preload).
  await new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!root.querySelector('table')) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true });
  });
  if (mode === 'warm') {
    const start = performance.now();
    while (!customElements.get('add-response-dialog')) {
      if (performance.now() - start > 10_000) throw new Error('the idle preload did not load the dialog within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  // A build that bundles the dialog with the tab has nothing to fetch: the cold sample is then warm too.
  const button = root.querySelector<HTMLButtonElement>('[part="add-button"]')!;
  return timeUntilShown(
    () => button.click(),
    () => root,
    (shadow) => {
      const dialog = shadow.querySelector<AddResponseDialog>('add-response-dialog');
      return Boolean(dialog?.open && dialog.shadowRoot?.querySelector('dialog[open] select'));
    },
  );
}

/** One sample in a new iframe (a fresh page: its modules fetched anew). */
async function sample(mode: Mode): Promise<PaintTiming> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 700px; border: 0';
  frame.src = `${location.pathname}?frame=${mode}&n=${Math.random()}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  try {
    const results = (await (frame.contentWindow as unknown as { __benchDone: Promise<BenchResult[]> }).__benchDone) as unknown as PaintTiming;
    return results;
  } finally {
    frame.remove();
  }
}

export async function run(context: BenchContext): Promise<BenchResult[]> {
  const mode = new URLSearchParams(location.search).get('frame') as Mode | null;
  if (mode) return frameSample(mode) as unknown as Promise<BenchResult[]>;
  const rounds = Math.max(3, Math.round(context.rounds / 3));
  const warm: PaintTiming[] = [];
  const cold: PaintTiming[] = [];
  await sample('cold'); // a first page to warm the browser itself (compiling, fonts), not kept
  for (let round = 0; round < rounds; round += 1) {
    warm.push(await sample('warm'));
    cold.push(await sample('cold'));
  }
  return [
    {
      name: 'first Add Response click, warm page (after the idle preload)',
      ours: median(warm.map((t) => t.frames)),
      unit: 'frames',
      limit: 2,
      note: `frames from the click to the one that painted the open dialog; median of ${rounds} new pages; ms: ${median(warm.map((t) => t.painted)).toFixed(1)}`,
      samples: { frames: warm.map((t) => t.frames), painted: warm.map((t) => t.painted) },
    },
    {
      name: 'first Add Response click, cold page (module over loopback)',
      ours: median(cold.map((t) => t.painted)),
      limit: 100,
      note: `ms from the click, in the task of the tab's first paint, to the frame that painted the open dialog, its chunk fetched from the loopback server meanwhile; median of ${rounds} new pages (frames: ${median(cold.map((t) => t.frames))})`,
      samples: { painted: cold.map((t) => t.painted), frames: cold.map((t) => t.frames) },
    },
  ];
}
