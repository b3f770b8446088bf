/**
 * Where in the backend's change log a read's answer stands (the reference server's
 * `Last-Change-Id` header): the data client opens a record's change stream after the lowest such
 * id of the record's first reads, so a change made between those reads and the stream's start
 * comes with the stream, without a second read. Kept beside the answer, not in it: the model's
 * types and the device's cache stay as they are (a stored answer has none, rightly: it is older).
 */

// Symbol.for, as the data client's marks: an adapter and a data client bundled apart still agree on it.
const CHANGE_ID = Symbol.for('cr-change-id');

/** The change id the backend answered `answer` at, if it said one. */
export function changeIdOf(answer: unknown): string | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const id = (answer as { [CHANGE_ID]?: unknown })[CHANGE_ID];
  return typeof id === 'string' ? id : undefined;
}

/**
 * Marks `answer` with the change id it was read at (an adapter of a host's backend calls it
 * where its backend says one); returns `answer`. Not enumerable: comparisons and copies of the
 * model ignore it.
 */
export function withChangeId<T>(answer: T, changeId: string | undefined): T {
  if (changeId === undefined || typeof answer !== 'object' || answer === null || !Object.isExtensible(answer)) return answer;
  Object.defineProperty(answer, CHANGE_ID, { value: changeId, enumerable: false, configurable: true });
  return answer;
}
