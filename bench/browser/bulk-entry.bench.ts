/**
 * `<bulk-response-entry>` with 10,000 pasted emails against a bare `@lit-labs/virtualizer` list of the
 * same rows: from Check (ours: parse, match against 10,000 known recipients, ask who already
 * responded, build the preview, all in slices) or from the text (the baseline: split into lines)
 * to the first painted row. Also the longest task of ours on the way: Chromium's longtask entries,
 * and in every engine (Firefox has no longtask entries) the longest gap between turns of a heartbeat
 * on the event loop, which holds the longest task and any rendering that came with it.
 */
import { LitElement, css, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import '../../src/define/bulk-response-entry.js';
import type { BulkResponseEntry } from '../../src/components/bulk-response-entry/bulk-response-entry.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import type { RespondedQuery } from '../../src/adapter/bulk-operations.js';
import type { Recipient } from '../../src/model/types.js';
import type { BenchContext, BenchResult } from './harness.js';
import { MemoryAdapter, campaigns as makeCampaigns } from './kit-data.js';
import { interleave, median, settle, timeUntilShown, type PaintTiming } from './paint.js';

const ROWS = 10_000;

/** The bare list: one line of text per pasted row, in a virtualize() list. */
export class BarePastedList extends LitElement {
  static override properties: PropertyDeclarations = { rows: { attribute: false } };
  static override styles = css`
    .list { height: 20rem; overflow: auto; border: 1px solid #ccc; }
    .row { width: 100%; padding: 0.25rem 0.5rem; border-bottom: 1px solid #ccc; box-sizing: border-box; }
  `;
  rows: string[] = [];
  override render() {
    return html`<div class="list">${virtualize({ items: this.rows, scroller: true, renderItem: (row: string) => html`<div class="row" data-row>${row}</div>` })}</div>`;
  }
}
customElements.define('bare-pasted-list', BarePastedList);

/** The in-memory backend, answering "who already responded" in bulk (nobody has). */
class BulkMemoryAdapter extends MemoryAdapter {
  async alreadyResponded(query: RespondedQuery): Promise<string[]> {
    void query;
    return [];
  }
}

const people: Recipient[] = Array.from({ length: ROWS }, (_, i) => ({ id: `v${i}`, displayName: `Visitor ${i}`, email: `visitor${i}@booth.example`, timeZone: 'UTC' }));
const pasted = people.map((p) => p.email).join('\n');
const [campaign] = makeCampaigns(1);
const client = new CampaignDataClient({ adapter: new BulkMemoryAdapter(makeCampaigns(1), []) });

type Side = 'ours' | 'baseline';
const hasRow = (root: ShadowRoot) => root.querySelector('[part~="row"], [data-row]') !== null;

interface Sample {
  timing: PaintTiming;
  longestTask: number;
  longestGap: number;
}

const longtasks = typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes.includes('longtask');

/**
 * A heartbeat: a message posted to itself again and again, each turn noting the time since the last.
 * Any task (or rendering) that holds the page shows as a gap that long. Returns a stop that answers
 * the longest gap.
 */
function heartbeat(): () => number {
  const channel = new MessageChannel();
  let last = performance.now();
  let longest = 0;
  let beating = true;
  channel.port1.onmessage = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (beating) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  return () => {
    beating = false;
    channel.port1.close();
    return longest;
  };
}

async function sample(side: Side, host: HTMLElement): Promise<Sample> {
  await settle();
  if (side === 'baseline') {
    const list = document.createElement('bare-pasted-list') as BarePastedList;
    host.append(list);
    await settle();
    const timing = await timeUntilShown(() => (list.rows = pasted.split('\n')), () => list.shadowRoot, hasRow);
    list.remove();
    return { timing, longestTask: 0, longestGap: 0 };
  }
  const entry = document.createElement('bulk-response-entry') as BulkResponseEntry;
  Object.assign(entry, { dataClient: client, campaign, recipients: people, eventId: campaign.events[0].id });
  host.append(entry);
  await entry.updateComplete;
  await settle();
  const root = entry.shadowRoot!;
  const detail = root.querySelector<HTMLSelectElement>('#bulk-detail')!;
  detail.value = 'responded';
  detail.dispatchEvent(new Event('change'));
  const paste = root.querySelector<HTMLTextAreaElement>('#bulk-paste')!;
  paste.value = pasted;
  paste.dispatchEvent(new Event('input'));
  await entry.updateComplete;
  await settle(4);
  let longestTask = 0;
  const observer = new PerformanceObserver((list) => {
    for (const task of list.getEntries()) longestTask = Math.max(longestTask, task.duration);
  });
  if (longtasks) observer.observe({ type: 'longtask' });
  const stop = heartbeat();
  const timing = await timeUntilShown(() => root.querySelector<HTMLButtonElement>('[part~="check-button"]')!.click(), () => root, hasRow);
  await settle();
  const longestGap = stop();
  observer.disconnect();
  entry.remove();
  return { timing, longestTask, longestGap };
}

export async function run(context: BenchContext): Promise<BenchResult[]> {
  const host = document.createElement('div');
  host.style.width = '48rem';
  document.body.append(host);
  const iterations = Math.max(3, Math.round(context.rounds / 3));
  const samples = await interleave(['ours', 'baseline'] as const, iterations, (side) => sample(side, host));
  const pick = (s: Sample) => s.timing.painted;
  return [
    {
      name: `bulk entry: ${ROWS.toLocaleString('en')} pasted rows to a rendered preview`,
      baselineName: 'bare virtualize() list of the lines',
      ours: median(samples.ours.map(pick)),
      baseline: median(samples.baseline.map(pick)),
      samples: { ours: samples.ours.map(pick), baseline: samples.baseline.map(pick) },
      note:
        `${iterations} fresh mounts per side, interleaved, medians. Ours: from Check (text already pasted) to the first ` +
        'painted preview row: parse, match against 10,000 known recipients, the bulk "already responded" read, the ' +
        'preview, in slices that yield to the page. Baseline: from handing the split lines to a bare list to its first painted row.',
    },
    ...(longtasks
      ? [
          {
            name: 'bulk entry: longest task on the way',
            ours: median(samples.ours.map((s) => s.longestTask)),
            limit: 50,
            samples: { ours: samples.ours.map((s) => s.longestTask) },
            note: `longtask entries (only tasks over 50 ms are reported; 0 = none) from Check to the painted preview, median of the runs (the worst run: ${Math.max(...samples.ours.map((s) => s.longestTask)).toFixed(0)} ms).`,
          },
        ]
      : []),
    {
      name: 'bulk entry: longest gap of a heartbeat on the way',
      ours: median(samples.ours.map((s) => s.longestGap)),
      limit: 50,
      samples: { ours: samples.ours.map((s) => s.longestGap) },
      note: `a message posted to itself each turn of the event loop, from Check to the painted preview: its longest gap is the longest task plus the rendering beside it (an upper bound; every engine, also where there are no longtask entries). Median of the runs (the worst run: ${Math.max(...samples.ours.map((s) => s.longestGap)).toFixed(0)} ms).`,
    },
  ];
}
