/**
 * Which tab sends: among the open outboxes of one database exactly one, the holder of the Web Lock
 * `cr-outbox-sender:<db>`. The browser hands the lock on when its tab closes or crashes, so a
 * sender that dies never leaves the queue without one. Without Web Locks every tab sends and the
 * leases alone keep an operation from going twice.
 */
export function runAsSender(options: {
  dbName: string;
  locks: LockManager | undefined;
  signal: AbortSignal;
  run: () => Promise<void>;
  /** Told true when this tab starts sending and false when it stops. */
  onLeader: (isLeader: boolean) => void;
}): Promise<void> {
  const { signal, onLeader, run } = options;
  const lead = async () => {
    onLeader(true);
    try {
      await run();
    } finally {
      onLeader(false);
    }
  };
  const running = options.locks
    ? options.locks.request(`cr-outbox-sender:${options.dbName}`, { signal }, lead).then(
        () => undefined,
        (error: unknown) => {
          if (!signal.aborted) throw error;
        },
      )
    : lead();
  // A sender that fails for another reason than closing is a bug: let it surface, not vanish.
  running.catch((error: unknown) =>
    queueMicrotask(() => {
      throw error;
    }),
  );
  return running;
}

/** Asks the browser to keep the queue through storage pressure; undefined when it will not say. */
export async function askPersistence(): Promise<boolean | undefined> {
  const storage = globalThis.navigator?.storage;
  if (typeof storage?.persist !== 'function') return undefined;
  try {
    return (await storage.persisted?.()) || (await storage.persist());
  } catch {
    // Asking is a courtesy; a browser that refuses to answer leaves storage "best effort".
    return undefined;
  }
}
