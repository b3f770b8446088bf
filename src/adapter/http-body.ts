/**
 * Reading an answer's body: JSON only when the answer says it is JSON, and never more than a cap,
 * counted as the chunks arrive, so a huge or endless answer cannot fill the page's memory.
 */
import { MalformedResponseError } from './errors.js';

function isJsonType(response: Response): boolean {
  const type = response.headers.get('content-type');
  // No content type at all is tolerated: JSON.parse still refuses anything that is not JSON.
  return type === null || /[/+]json\b/i.test(type);
}

/**
 * The answer's JSON, `undefined` for an empty body. Not JSON by its type or its text, or over
 * `maxBytes`: a `MalformedResponseError` with the answer's status.
 */
export async function readJson(response: Response, maxBytes: number, operation: string): Promise<unknown> {
  if (!isJsonType(response)) {
    void response.body?.cancel().catch(() => undefined);
    throw new MalformedResponseError(
      `${operation}: expected JSON, got ${response.headers.get('content-type')}`, [], { status: response.status });
  }
  const text = await readText(response, maxBytes, operation);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedResponseError(`${operation}: the answer is not valid JSON`, [], {
      status: response.status,
      cause: error,
    });
  }
}

/**
 * The body as text, read chunk by chunk so that a huge answer is refused at `maxBytes` instead of
 * being held in memory whole (`response.text()` would buffer all of it first).
 */
async function readText(response: Response, maxBytes: number, operation: string): Promise<string> {
  const tooLarge = () =>
    new MalformedResponseError(`${operation}: the answer is larger than ${maxBytes} bytes`, [], {
      status: response.status,
    });
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const decoder = new TextDecoder();
  return chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join('') + decoder.decode();
}
