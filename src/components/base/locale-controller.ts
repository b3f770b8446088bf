import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localizerFor, type Localizer } from '../../i18n/localizer.js';
import { onTranslationsChange } from '../../i18n/translate.js';

/** What the controller reads from its element: its own time zone, if it has one. */
export interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  timeZone: string | undefined;
}

/**
 * The value of `attribute` on the nearest element that has it, starting at `element` and walking
 * up through shadow roots to their hosts (an element inside another's shadow root inherits from the
 * page around that one).
 */
function nearest(element: Element, attribute: string): string | undefined {
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest(`[${attribute}]`);
    const value = found?.getAttribute(attribute);
    // lang="" says "unknown language": look further up rather than stop there.
    if (value) return value;
    const root = (found ?? node).getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

/** The element's root and every root above it (a shadow root's host's, up to the document). */
function rootsAbove(element: Element): Node[] {
  const roots: Node[] = [];
  let root = element.getRootNode();
  for (;;) {
    roots.push(root);
    if (!(root instanceof ShadowRoot)) return roots;
    root = root.host.getRootNode();
  }
}

const live = new Set<LocaleController>();
const observedRoots = new WeakSet<Node>();
let observer: MutationObserver | undefined;

function refreshAll(): void {
  for (const controller of live) controller.refresh();
}

/** One observer for every element: a `lang` or `time-zone` change anywhere re-resolves them all. */
function observe(roots: Iterable<Node>): void {
  observer ??= new MutationObserver(refreshAll);
  for (const root of roots) {
    if (observedRoots.has(root)) continue;
    observedRoots.add(root);
    observer.observe(root, { attributes: true, attributeFilter: ['lang', 'time-zone'], subtree: true });
  }
}

onTranslationsChange(refreshAll);

/**
 * Gives an element its language and time zone, and re-renders it when either changes. The language
 * is `lang` on the element or its nearest ancestor (through shadow roots), falling back from
 * `de-AT` to `de` to English for strings; the time zone is the element's `timeZone`, else
 * `time-zone` on its nearest ancestor, else the kit's (`setDefaultTimeZone()`), else the browser's.
 * A change of `lang` or `time-zone` on any element of the page (or of a shadow root on the way up),
 * and a `registerTranslation()`, re-render the elements it concerns.
 */
export class LocaleController implements ReactiveController {
  #host: LocaleHost;
  #localizer: Localizer | undefined;
  #ownTimeZone: string | undefined;

  constructor(host: LocaleHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The element's strings and formats now. */
  get localizer(): Localizer {
    return (this.#localizer ??= this.#resolve());
  }

  #resolve(): Localizer {
    const host = this.#host;
    this.#ownTimeZone = host.timeZone;
    return localizerFor(nearest(host, 'lang') ?? '', host.timeZone || nearest(host, 'time-zone'));
  }

  /** Resolves the language and time zone again; re-renders the element when they changed. */
  refresh(): void {
    const next = this.#resolve();
    if (next === this.#localizer) return;
    this.#localizer = next;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    live.add(this);
    this.#localizer = this.#resolve();
    observe(rootsAbove(this.#host));
  }

  hostDisconnected(): void {
    live.delete(this);
  }

  hostUpdate(): void {
    // The element's own `timeZone` (a property, set from a framework) changes without a mutation.
    if (this.#host.timeZone !== this.#ownTimeZone) this.#localizer = this.#resolve();
  }
}
