import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError } from '../../adapter/errors.js';

export type LoadStatus = 'initial' | 'pending' | 'complete' | 'error';

export interface LoadConfig<A extends readonly unknown[], T> {
  /** What the load depends on: when one of these changes (`!==`), it runs again before the next render. */
  args: () => A;
  /**
   * One load. `signal` aborts when a newer load starts or the element leaves the page; resolve with
   * `undefined` when there is nothing to load yet (no client, no record).
   */
  load: (args: A, signal: AbortSignal) => Promise<T | undefined>;
  /**
   * A failure that is news (not an abort): the element's `reportFailure`, so an expired sign-in
   * asks the host for a new one with `retry`.
   */
  failed?: (error: unknown, retry: () => void) => void;
  /**
   * Keep showing the last data when a reload fails (a report's rows, with the failure beside them);
   * by default a failure replaces what was shown.
   */
  keepOnFailure?: boolean;
}

export interface LoadRenderers<T> {
  /** Nothing asked yet (no record to load). */
  initial?: () => unknown;
  /** The first load runs: nothing to keep showing. */
  pending?: () => unknown;
  /** The data: also while a newer load runs, so the view does not jump to a skeleton and back. */
  complete: (value: T) => unknown;
  error?: (error: unknown) => unknown;
}

/**
 * An element's loads: one controller for the pattern the elements share. It keeps what is shown
 * while a newer load runs, reports failures, and pages with a cursor through `more()`. There is one
 * way a request is cancelled: each load and each page has an AbortController of this controller's,
 * aborted when a newer load starts (an older answer can never overwrite a newer one) and when the
 * element leaves the page.
 */
export class LoadController<A extends readonly unknown[], T> implements ReactiveController {
  #host: ReactiveControllerHost;
  #config: LoadConfig<A, T>;
  #args: A | undefined;
  #load: AbortController | undefined;
  #more: AbortController | undefined;
  #value: T | undefined;
  #error: unknown;
  #status: LoadStatus = 'initial';
  #moreError: unknown;

  constructor(host: ReactiveControllerHost, config: LoadConfig<A, T>) {
    this.#host = host;
    this.#config = config;
    host.addController(this);
  }

  /** The last data loaded, kept while a newer load runs; undefined after a failure (unless `keepOnFailure`). */
  get value(): T | undefined {
    return this.#value;
  }

  get status(): LoadStatus {
    return this.#status;
  }

  get error(): unknown {
    return this.#error;
  }

  /** A load runs (the first, or a newer one while `value` is still shown). */
  get pending(): boolean {
    return this.#status === 'pending';
  }

  /** A further page is on its way. */
  get loadingMore(): boolean {
    return this.#more !== undefined;
  }

  /** The last further page's failure, until the next page or load. */
  get moreError(): unknown {
    return this.#moreError;
  }

  hostUpdate(): void {
    const args = this.#config.args();
    if (this.#args && args.length === this.#args.length && args.every((arg, i) => arg === this.#args![i])) return;
    this.#args = args;
    void this.run();
  }

  hostDisconnected(): void {
    this.#load?.abort();
    this.#more?.abort();
    this.#load = this.#more = undefined;
    // Back on the page, it loads again: what it showed may be stale by then.
    this.#args = undefined;
    if (this.#status === 'pending') this.#status = this.#value === undefined ? 'initial' : 'complete';
  }

  /** Loads again now (after a change, or Retry). Resolves when this load has settled. */
  async run(): Promise<void> {
    this.#load?.abort();
    this.#more?.abort();
    this.#more = undefined;
    const controller = (this.#load = new AbortController());
    const args = this.#args ?? this.#config.args();
    this.#status = 'pending';
    this.#host.requestUpdate();
    try {
      const value = await this.#config.load(args, controller.signal);
      if (controller.signal.aborted) return;
      this.#value = value;
      this.#error = this.#moreError = undefined;
      this.#status = value === undefined ? 'initial' : 'complete';
    } catch (error) {
      // Cut short by a newer load or by leaving the page: no news about the data.
      if (controller.signal.aborted || isAbortError(error)) return;
      if (!this.#config.keepOnFailure) this.#value = undefined;
      this.#error = error;
      this.#status = 'error';
      this.#config.failed?.(error, () => void this.run());
    } finally {
      if (this.#load === controller) {
        this.#load = undefined;
        this.#host.requestUpdate();
      }
    }
  }

  /**
   * A further page (the next cursor's), merged into `value` by `merge`. One at a time; a new load
   * aborts it. Its failure is kept in `moreError` (the rows shown stay).
   */
  async more<P>(fetch: (signal: AbortSignal) => Promise<P>, merge: (value: T, page: P) => T): Promise<void> {
    if (this.#more || this.#value === undefined) return;
    const controller = (this.#more = new AbortController());
    this.#moreError = undefined;
    this.#host.requestUpdate();
    try {
      const page = await fetch(controller.signal);
      if (controller.signal.aborted || this.#value === undefined) return;
      this.#value = merge(this.#value, page);
    } catch (error) {
      if (!controller.signal.aborted && !isAbortError(error)) this.#moreError = error;
    } finally {
      if (this.#more === controller) {
        this.#more = undefined;
        this.#host.requestUpdate();
      }
    }
  }

  /**
   * Shows `value` without loading (news that brought the data already), or nothing (`undefined`:
   * another record's data must not stay while its own loads).
   */
  show(value: T | undefined): void {
    this.#value = value;
    this.#error = undefined;
    if (this.#status !== 'pending') this.#status = value === undefined ? 'initial' : 'complete';
    this.#host.requestUpdate();
  }

  /** Renders by status, showing the data while a newer load runs. */
  render(renderers: LoadRenderers<T>): unknown {
    if (this.#value !== undefined) return renderers.complete(this.#value);
    if (this.#status === 'pending') return renderers.pending?.();
    if (this.#status === 'error') return renderers.error?.(this.#error);
    return renderers.initial?.();
  }
}
