// What the demo pages fetch themselves before the kit runs (the demo's configuration, the recipient
// list, the campaign list), kept on the device so that a page reloaded with the server out of reach
// still starts: the kit keeps its own lists, but it needs a recipient and a campaign to show.
//
// IndexedDB (through idb, which the kit already uses) rather than the service worker's Cache API:
// these are answers of /api/*, personal data sent with a bearer token and `Cache-Control: no-store`,
// which the service worker never touches (it serves the built files only). Kept by the page, they
// are saved per signed-in person, wiped at sign-out with the kit's own offline data, and there in
// the dev server too, where no service worker runs.
import { openDB, type IDBPDatabase } from 'idb';
import { AdapterError } from '../src/adapter/errors.js';
import type { Recipient } from '../src/model/types.js';

const DB_NAME = 'cr-demo-saved';
const STORE = 'answers';

interface SavedAnswer {
  value: unknown;
  savedAt: number;
}

/** What a page got: fresh from the server, or the saved copy (with its time) when the server was out of reach. */
export interface Fetched<T> {
  value: T;
  /** Set when `value` is the saved copy. */
  savedAt?: Date;
}

let opened: Promise<IDBPDatabase> | undefined;
function db(): Promise<IDBPDatabase> {
  opened ??= openDB(DB_NAME, 1, { upgrade: (database) => void database.createObjectStore(STORE) });
  return opened;
}

/**
 * A dead network, as fetch or the kit's adapter reports it: then the saved copy is worth showing.
 * A server that answers (401, 404, a bad answer) is not out of reach: its error stands.
 */
function unreachable(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof AdapterError && error.kind === 'unavailable');
}

/**
 * The server's answer, saved under `key`; when the server is out of reach, the answer saved last
 * time, marked with its time. With nothing saved, the network's error.
 */
export async function networkFirst<T>(key: string, fetchFresh: () => Promise<T>): Promise<Fetched<T>> {
  try {
    const value = await fetchFresh();
    // A device that refuses storage (a private window, say) still shows the fresh answer.
    await (await db()).put(STORE, { value, savedAt: Date.now() } satisfies SavedAnswer, key).catch(() => undefined);
    return { value };
  } catch (error) {
    if (!unreachable(error)) throw error;
    const saved = (await db().then((database) => database.get(STORE, key) as Promise<SavedAnswer | undefined>).catch(() => undefined));
    if (!saved) throw error;
    return { value: saved.value as T, savedAt: new Date(saved.savedAt) };
  }
}

/** Forgets what was saved for one person (keys that start with `prefix`): at sign-out. */
export async function forgetSaved(prefix: string): Promise<void> {
  const database = await db();
  const keys = (await database.getAllKeys(STORE)).filter((key) => String(key).startsWith(prefix));
  await Promise.all(keys.map((key) => database.delete(STORE, key)));
}

/**
 * The recipient list, kept per person: the record page picks from it, the campaign page hands it to
 * the bulk entry (names and emails then match with no network, and names at all: the backend looks
 * up ids and emails only).
 */
export function savedRecipients(session: { apiBase: string; userKey: string; getToken(): Promise<string> }): Promise<Fetched<Recipient[]>> {
  return networkFirst(`${session.userKey}:recipients`, async () => {
    const answer = await fetch(`${session.apiBase}/recipients`, { headers: { Authorization: `Bearer ${await session.getToken()}` } });
    if (!answer.ok) throw new Error(`The server answered ${answer.status} for the list of recipients.`);
    return ((await answer.json()) as { items: Recipient[] }).items;
  });
}
