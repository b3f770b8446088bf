/**
 * The CSV export as a test drives it: a stream whose chunks the test feeds one at a time, the
 * browser's save picker replaced, the Blob download captured, and the rows of a known file.
 */
/** A CSV export the test controls: `push()` a chunk, `close()`, or `fail()`. */
export class CsvFeed {
  readonly stream: ReadableStream<Uint8Array>;
  readonly pushed: Uint8Array[] = [];
  #controller!: ReadableStreamDefaultController<Uint8Array>;
  cancelled = false;

  constructor() {
    this.stream = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.#controller = controller;
      },
      cancel: () => {
        this.cancelled = true;
      },
    });
  }

  push(text: string): void {
    const bytes = new TextEncoder().encode(text);
    this.pushed.push(bytes);
    this.#controller.enqueue(bytes);
  }

  close(): void {
    this.#controller.close();
  }

  fail(error: Error): void {
    this.#controller.error(error);
  }
}

/** Replaces `window.showSaveFilePicker` for one test (undefined: the browser has none). */
export function withPicker(picker: unknown): () => void {
  const had = Object.getOwnPropertyDescriptor(window, 'showSaveFilePicker');
  Object.defineProperty(window, 'showSaveFilePicker', { value: picker, configurable: true, writable: true });
  return () => {
    if (had) Object.defineProperty(window, 'showSaveFilePicker', had);
    else delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
  };
}

/** Captures the Blob path's download: the object URL's Blob and the anchor's file name, without downloading. */
export function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    blobs.push(blob as Blob);
    return createObjectURL.call(URL, blob);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) names.push(this.download);
    else click.call(this);
  };
  return {
    blobs,
    names,
    restore() {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}

export const CSV_HEAD = '\uFEFFResponded at (UTC),Recipient,Note\r\n';
export const CSV_ROW_1 = '2026-03-10T09:00:00.000Z,Ada,"called, then ""wrote"""\r\n';
export const CSV_ROW_2 = '2026-03-11T09:00:00.000Z,Élodie,"two\r\nlines"\r\n';
export const CSV_ROW_3 = "2026-03-12T09:00:00.000Z,Bob,'=SUM(A1)\r\n";
