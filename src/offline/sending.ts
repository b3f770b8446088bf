/**
 * How an outbox starts sending: its send loop, the hints that wake it (coming online, the page
 * shown again), and the election that makes one tab of the database the sender.
 */
import { DEFAULT_BACKOFF } from './backoff.js';
import type { OutboxDb } from './db.js';
import { runAsSender } from './election.js';
import type { OutboxEvent } from './events.js';
import type { OutboxOptions } from './outbox-options.js';
import { SendLoop } from './sender.js';
import type { OutboxClock, OutboxSender } from './types.js';
import { watchWakeHints } from './wake-hints.js';

export interface SendingContext {
  dbName: string;
  options: OutboxOptions;
  sender: OutboxSender;
  clock: OutboxClock;
  db: () => Promise<OutboxDb>;
  publish: (event: OutboxEvent) => void;
  onLeader: (isLeader: boolean) => void;
  /** Aborted when the outbox closes: the loop stops and the lock is handed on. */
  signal: AbortSignal;
}

export interface Sending {
  loop: SendLoop;
  stopWakeHints: () => void;
  /** Settles when this tab stops sending (or waiting to). */
  running: Promise<void>;
}

export function startSending({ dbName, options, sender, clock, db, publish, onLeader, signal }: SendingContext): Sending {
  const locks = options.useWebLocks === false ? undefined : globalThis.navigator?.locks;
  const loop = new SendLoop({
    db,
    sender,
    clock,
    random: options.random ?? Math.random,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    leaseMs: options.leaseMs ?? 30_000,
    batchSize: options.batchSize ?? 50,
    batchAdds: options.batchAdds === true && typeof sender.addResponses === 'function',
    exclusive: locks !== undefined,
    emit: publish,
    fetchConflictVersion: options.fetchConflictVersion,
  });
  const stopWakeHints = watchWakeHints(() => loop.poke({ probeNow: true }));
  const running = runAsSender({ dbName, locks, signal, run: () => loop.run(signal), onLeader });
  return { loop, stopWakeHints, running };
}
