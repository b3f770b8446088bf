/**
 * Export CSV: a byte stream from the data client written to a file as it arrives. With the File
 * System Access API (`showSaveFilePicker`) the stream is piped into the chosen file and never held;
 * elsewhere its chunks are gathered into a Blob (which the browser may keep on disk) and offered as a
 * download through an object URL. Either way the controller counts bytes and rows as they pass, and
 * `cancel()` stops the request and discards the file being written.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError } from '../../adapter/errors.js';
import { localizerFor, type Localizer } from '../../i18n/localizer.js';

export type CsvExportState =
  | { phase: 'idle' }
  | { phase: 'running'; bytes: number; rows: number }
  | { phase: 'done'; bytes: number; rows: number; to: 'file' | 'download' }
  | { phase: 'cancelled'; bytes: number; rows: number }
  | { phase: 'failed'; error: unknown };

/** The part of the File System Access API the export uses (not yet in TypeScript's DOM types). */
interface SaveFilePickerOptions {
  suggestedName?: string;
  types?: { description?: string; accept: Record<string, string[]> }[];
}
interface WritableFileHandle {
  createWritable(): Promise<WritableStream<Uint8Array>>;
}
type ShowSaveFilePicker = (options?: SaveFilePickerOptions) => Promise<WritableFileHandle>;

const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/**
 * Counts CSV records in a byte stream: a line feed outside quotes ends one. A doubled quote inside
 * a quoted cell toggles twice, and no byte of a multi-byte UTF-8 character is a quote or a line feed,
 * so counting bytes is exact without decoding.
 */
export class CsvRecordCounter {
  records = 0;
  bytes = 0;
  #quoted = false;

  add(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    for (const byte of chunk) {
      if (byte === QUOTE) this.#quoted = !this.#quoted;
      else if (byte === LINE_FEED && !this.#quoted) this.records += 1;
    }
  }

  /** Records after the header line. */
  get rows(): number {
    return Math.max(0, this.records - 1);
  }
}

export class CsvExportController implements ReactiveController {
  state: CsvExportState = { phase: 'idle' };
  #host: ReactiveControllerHost & HTMLElement;
  #abort: AbortController | undefined;
  #urls = new Set<string>();

  #localizer: () => Localizer;

  /** `localizer` gives the host's language (the save dialog's file type); the kit's default without it. */
  constructor(host: ReactiveControllerHost & HTMLElement, localizer: () => Localizer = () => localizerFor('')) {
    this.#host = host;
    this.#localizer = localizer;
    host.addController(this);
  }

  get running(): boolean {
    return this.state.phase === 'running';
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancel();
    for (const url of this.#urls) URL.revokeObjectURL(url);
    this.#urls.clear();
  }

  /** Stops a running export: the request is aborted and a half-written file discarded. */
  cancel(): void {
    this.#abort?.abort();
  }

  #set(state: CsvExportState): void {
    this.state = state;
    this.#host.requestUpdate();
  }

  /**
   * Runs one export. `open` asks the data client for the stream (with the signal that cancels it).
   * The file picker, when there is one, is shown first: it needs the click's user activation.
   */
  async run(open: (signal: AbortSignal) => Promise<ReadableStream<Uint8Array>>, fileName: string): Promise<void> {
    if (this.running) return;
    const abort = new AbortController();
    this.#abort = abort;
    const counter = new CsvRecordCounter();
    const progress = () => ({ bytes: counter.bytes, rows: counter.rows });
    const picker = (window as unknown as { showSaveFilePicker?: ShowSaveFilePicker }).showSaveFilePicker;
    let writable: WritableStream<Uint8Array> | undefined;
    let piping = false;
    this.#set({ phase: 'running', bytes: 0, rows: 0 });
    try {
      if (typeof picker === 'function') {
        const handle = await picker.call(window, {
          suggestedName: fileName,
          types: [{ description: this.#localizer().t('report.export.fileType'), accept: { 'text/csv': ['.csv'] } }],
        });
        if (abort.signal.aborted) throw new DOMException('cancelled', 'AbortError');
        writable = await handle.createWritable();
      }
      const source = await open(abort.signal);
      const counted = source.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform: (chunk, controller) => {
            counter.add(chunk);
            controller.enqueue(chunk);
            if (!abort.signal.aborted) this.#set({ phase: 'running', ...progress() });
          },
        }),
      );
      if (writable) {
        piping = true;
        // pipeTo aborts the writable on failure or cancel, so a partial file is never committed.
        await counted.pipeTo(writable, { signal: abort.signal });
        this.#set({ phase: 'done', ...progress(), to: 'file' });
      } else {
        const blob = await collect(counted, abort.signal);
        this.deliverBlob(blob, fileName);
        this.#set({ phase: 'done', ...progress(), to: 'download' });
      }
    } catch (error) {
      if (writable && !piping) await writable.abort().catch(() => undefined);
      if (abort.signal.aborted || isAbortError(error)) {
        // Closing the picker without choosing a file is not a failure, nor worth a message.
        this.#set(counter.bytes === 0 && !writable && typeof picker === 'function' ? { phase: 'idle' } : { phase: 'cancelled', ...progress() });
      } else {
        this.#set({ phase: 'failed', error });
      }
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
    }
  }

  /** Offers `blob` as a download named `fileName` (the object URL lives a minute, then is freed). */
  protected deliverBlob(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    this.#urls.add(url);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fileName;
    anchor.hidden = true;
    this.#host.shadowRoot?.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => {
      URL.revokeObjectURL(url);
      this.#urls.delete(url);
    }, 60_000);
  }
}

/** The stream's chunks as one Blob; rejects with an AbortError when `signal` aborts. */
async function collect(stream: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<Blob> {
  const reader = stream.getReader();
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  const chunks: BlobPart[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
      if (done) break;
      chunks.push(value as Uint8Array<ArrayBuffer>);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    reader.releaseLock();
  }
  return new Blob(chunks, { type: 'text/csv;charset=utf-8' });
}
