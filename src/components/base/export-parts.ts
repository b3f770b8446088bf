/**
 * The value of an `exportparts` attribute that re-exports each of a child element's parts under
 * `<prefix>__<part>`, so a host styles `::part(dialog__save-button)` from outside the parent.
 */
export function exportPartsAs(prefix: string, parts: readonly string[]): string {
  return parts.map((part) => `${part}:${prefix}__${part}`).join(', ');
}
