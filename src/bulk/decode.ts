/**
 * Bytes of an imported file to text. Excel saves "CSV" in the machine's ANSI code page (Windows-1252
 * in Western Europe and the Americas) unless asked for "CSV UTF-8", which starts with a byte-order
 * mark; either must read right, or "Müller" becomes "M�ller" and no longer matches.
 */

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** Which text encoding `bytes` are in: a byte-order mark decides, else valid UTF-8, else Windows-1252. */
export function detectEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' {
  if (startsWith(bytes, UTF8_BOM)) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    // Not valid UTF-8: a single-byte export. Windows-1252 is what the WHATWG calls latin1 too, so
    // it also reads ISO-8859-1 files right.
    return 'windows-1252';
  }
}

/** The text of an imported file, without its byte-order mark. */
export function decodeFileBytes(input: ArrayBuffer | Uint8Array): string {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  // TextDecoder drops a byte-order mark of its own encoding by default (ignoreBOM: false).
  return new TextDecoder(detectEncoding(bytes)).decode(bytes);
}
