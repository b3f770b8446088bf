// Loaders for the dialog and the history that wait for the test to open a gate: "the network" of a
// cold page, held. Imported before the tab's define file, so these loaders are the ones registered
// (the first registration of a tag wins) and the test decides when the modules arrive.
import { onElementLoad, registerElementLoader } from '../../src/components/base/lazy-elements.js';

let release: () => void = () => undefined;
const opened = new Promise<void>((resolve) => (release = resolve));

/** Lets the held loads go on. */
export function openGate(): void {
  release();
}

/** The tags whose load has started, in order, each with what `probe` said at that moment. */
export const started: { tag: string; at: unknown }[] = [];
let probe: () => unknown = () => undefined;
export function probeLoadsWith(check: () => unknown): void {
  probe = check;
}
onElementLoad((tag) => started.push({ tag, at: probe() }));

registerElementLoader('add-response-dialog', () => opened.then(() => import('../../src/define/add-response-dialog.js')));
registerElementLoader('response-history', () => opened.then(() => import('../../src/define/response-history.js')));
