/**
 * PGlite is one Postgres inside one process: a second process opening the same data folder would
 * corrupt it, silently. So the folder is claimed with a lock file inside it (`cr-server.lock`, the
 * holder's process id; Postgres ignores files it does not know there, and inside, the lock needs
 * no write access to the folder's parent, often a mount point), and a second opener stops at start
 * with the reason. A lock left by a process that is gone (a crash) is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirInUse extends Error {}

export const LOCK_FILE = 'cr-server.lock';

/** Claims `dataDir` for this process; resolves with the function that lets it go. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const holder = Number(readFileSync(lockFile, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
      const who = holder === process.pid ? 'this process already' : `another server (process ${holder})`;
      throw new DataDirInUse(
        `The embedded database in ${dataDir} is in use by ${who}. PGlite serves one server instance: ` +
          `stop the other one, give this one its own CR_DATA_DIR, or use PostgreSQL (DATABASE_URL) to run several instances. ` +
          `(If no server runs, delete ${lockFile}.)`,
      );
    }
    rmSync(lockFile, { force: true });
  }
}
