/**
 * Two-way maps between a backend's codes (an option set's numbers, a status label) and the kit's
 * vocabulary ids. A code the map does not know is never dropped: it comes through as itself,
 * marked unmapped, so a status a CRM administrator added yesterday is shown as its own label.
 */

export interface ValueMap<Server extends string | number> {
  /** The kit's id for a backend code; an unknown code becomes `unmapped(code)`. */
  toKit(code: Server | string | number): string;
  /** The backend's code for a kit id, or `undefined` when it has none (and was not an unmapped code). */
  toServer(id: string): Server | undefined;
  /** Whether `id` came from a code the map does not know. */
  isUnmapped(id: string): boolean;
  /** Every known pair, kit id first, in the order given. */
  readonly pairs: readonly (readonly [string, Server])[];
}

/** The prefix of an unmapped code's id, so that it can never collide with one of the kit's ids. */
export const UNMAPPED_PREFIX = 'unmapped:';

/**
 * Makes a two-way map from `[kitId, serverCode]` pairs. Several kit ids may share a server code
 * (the first one is what `toKit` answers); several codes may share a kit id (the first is what
 * `toServer` sends).
 */
export function createValueMap<Server extends string | number>(
  pairs: readonly (readonly [string, Server])[],
): ValueMap<Server> {
  const toKit = new Map<string, string>();
  const toServer = new Map<string, Server>();
  for (const [kitId, code] of pairs) {
    if (!toKit.has(String(code))) toKit.set(String(code), kitId);
    if (!toServer.has(kitId)) toServer.set(kitId, code);
  }
  const numeric = pairs.length > 0 && typeof pairs[0][1] === 'number';
  return {
    pairs,
    toKit: (code) => toKit.get(String(code)) ?? `${UNMAPPED_PREFIX}${code}`,
    toServer(id) {
      const known = toServer.get(id);
      if (known !== undefined || !id.startsWith(UNMAPPED_PREFIX)) return known;
      // An unmapped code written back goes back as it came (a number for an option set).
      const raw = id.slice(UNMAPPED_PREFIX.length);
      return (numeric && /^-?\d+$/.test(raw) ? Number(raw) : raw) as Server;
    },
    isUnmapped: (id) => id.startsWith(UNMAPPED_PREFIX) && !toServer.has(id),
  };
}

/** The label to show for an unmapped id: the backend's own code or label, as it sent it. */
export function unmappedLabel(id: string): string {
  return id.startsWith(UNMAPPED_PREFIX) ? id.slice(UNMAPPED_PREFIX.length) : id;
}
