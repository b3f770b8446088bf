/**
 * Elements that load on demand. An element that shows another only after a person asks (the tab's
 * dialog, a campaign's history) does not import it: its define file registers a loader for the tag
 * here (`import()` of the other element's define file, a chunk of its own in a bundler), and the
 * element asks for the tag when it first needs it, or earlier to warm the page (idle time, hover,
 * focus), so that a click seldom waits on the network.
 *
 * The components never name a define file: a plugin author who registers the classes under tags of
 * their own registers no loader, and `loadElement()` then waits for the tag to be defined by them.
 */

type Loader = () => Promise<unknown>;

const loaders = new Map<string, Loader>();
const loads = new Map<string, Promise<void>>();
const listeners = new Set<(tag: string) => void>();

/** Registers how to load the element `tag` (a define file's `import()`); the first loader registered wins. */
export function registerElementLoader(tag: string, load: Loader): void {
  if (!loaders.has(tag)) loaders.set(tag, load);
}

/**
 * Loads `tag` once and resolves when it is defined. Defined already: resolves at once and loads
 * nothing. A failed load (offline, say) is forgotten, so that the next call tries again.
 */
export function loadElement(tag: string): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  let pending = loads.get(tag);
  if (!pending) {
    const load = loaders.get(tag);
    for (const listener of listeners) listener(tag);
    pending = (load ? load().then(() => customElements.whenDefined(tag)) : customElements.whenDefined(tag)).then(() => undefined);
    pending.catch(() => loads.delete(tag));
    loads.set(tag, pending);
  }
  return pending;
}

/** Starts loading `tags` without waiting; a failure is left for the load that needs the element to report. */
export function preloadElements(...tags: string[]): void {
  for (const tag of tags) loadElement(tag).catch(() => undefined);
}

/**
 * Calls `listener` with each tag whose load starts (a registered loader or waiting for the host's
 * definition): lets a test, or a host's performance probe, see what a page fetched and when.
 */
export function onElementLoad(listener: (tag: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs `callback` when the browser is idle: `requestIdleCallback` where there is one, a short
 * timeout where there is not (Safari has none).
 */
export function whenIdle(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback(), { timeout: 2000 });
  else setTimeout(callback, 200);
}
