/**
 * Rows to recipients. Pure: a directory of known recipients, and the rule that turns a row's key
 * into one recipient, none (not found) or several (ambiguous: a person chooses).
 */
import type { Recipient } from '../model/types.js';
import type { BulkRow } from './rows.js';

export type RowMatch =
  | { status: 'matched'; recipient: Recipient }
  | { status: 'not-found' }
  | { status: 'ambiguous'; choices: Recipient[] };

/** Names compare without case, accents' composition or extra spaces: "élodie  MARTIN" is Élodie Martin. */
export function nameKey(name: string): string {
  // toLowerCase, not toLocaleLowerCase: the same key in every language, and ten times faster over a
  // directory of 10,000. Composing accents only where there are any (most names are ASCII).
  // eslint-disable-next-line no-control-regex
  const composed = /[^\x00-\x7f]/u.test(name) ? name.normalize('NFC') : name;
  return composed.toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The recipients a list is matched against, indexed by id, email and name. */
export class RecipientDirectory {
  readonly #byId = new Map<string, Recipient>();
  readonly #byEmail = new Map<string, Recipient[]>();
  readonly #byName = new Map<string, Recipient[]>();

  constructor(recipients: Iterable<Recipient> = []) {
    for (const recipient of recipients) this.add(recipient);
  }

  add(recipient: Recipient): void {
    if (this.#byId.has(recipient.id)) return;
    this.#byId.set(recipient.id, recipient);
    if (recipient.email) push(this.#byEmail, recipient.email.toLowerCase(), recipient);
    push(this.#byName, nameKey(recipient.displayName), recipient);
  }

  get size(): number {
    return this.#byId.size;
  }

  byId(id: string): Recipient | undefined {
    return this.#byId.get(id);
  }

  /** Matches one row: an email by address, an id by id (else as a one-word name), a name by name. */
  match(row: BulkRow): RowMatch {
    if (row.kind === 'email') return answer(this.#byEmail.get(row.key));
    if (row.kind === 'id') {
      const recipient = this.#byId.get(row.key);
      if (recipient) return { status: 'matched', recipient };
    }
    return answer(this.#byName.get(nameKey(row.key)));
  }
}

function push(index: Map<string, Recipient[]>, key: string, recipient: Recipient): void {
  const list = index.get(key);
  if (list) list.push(recipient);
  else index.set(key, [recipient]);
}

function answer(found: Recipient[] | undefined): RowMatch {
  if (!found || found.length === 0) return { status: 'not-found' };
  return found.length === 1 ? { status: 'matched', recipient: found[0] } : { status: 'ambiguous', choices: [...found] };
}
