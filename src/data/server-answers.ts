/**
 * The server's last answer to each list read, for the re-reads that an edit on this device causes
 * while the server's data has not changed: queued, being sent, failed. Those re-reads need the
 * device's queue merged in again, not the network; the one re-read after the server confirmed the
 * edit asks it. Without this, one save read the campaign list three times or more (added, queued,
 * sending, done), each cutting the one before short.
 */

/** How long after a change on this device its re-reads may reuse the last answer. */
const REUSE_FOR_MS = 2000;

interface Answer {
  recipientId: string;
  value: unknown;
  /** Set by a change on this device: the next read may take `value` instead of asking the server. */
  reusableSince?: number;
}

export class ServerAnswers {
  #answers = new Map<string, Answer>();
  /** Bumped when the server's data of a recipient changes, so an answer asked for before is not kept. */
  #generations = new Map<string, number>();

  /** Taken when a read is sent, and handed back to `store` with its answer. */
  generation(recipientId: string | undefined): number {
    return recipientId === undefined ? 0 : (this.#generations.get(recipientId) ?? 0);
  }

  /** The server's answer to `key`, stored for a re-read unless the server changed since it was asked. */
  store(key: string, recipientId: string | undefined, value: unknown, askedAt = this.generation(recipientId)): void {
    if (recipientId === undefined || askedAt !== this.generation(recipientId)) return;
    this.#answers.set(key, { recipientId, value });
  }

  /**
   * The stored answer when the recipient's last change was on this device only (each answer once:
   * a read that was not caused by that change, such as Retry, asks the server).
   */
  take<T>(key: string): { value: T } | undefined {
    const answer = this.#answers.get(key);
    const since = answer?.reusableSince;
    if (!answer || since === undefined) return undefined;
    delete answer.reusableSince;
    return Date.now() - since <= REUSE_FOR_MS ? { value: answer.value as T } : undefined;
  }

  /** The recipient's data changed on this device only: its elements' re-reads may reuse the answers. */
  changedLocally(recipientId: string): void {
    const now = Date.now();
    for (const answer of this.#answers.values()) if (answer.recipientId === recipientId) answer.reusableSince = now;
  }

  /** The server's data of the recipient changed: every read asks it again. */
  changedOnServer(recipientId: string): void {
    this.#generations.set(recipientId, this.generation(recipientId) + 1);
    for (const [key, answer] of this.#answers) if (answer.recipientId === recipientId) this.#answers.delete(key);
  }
}
