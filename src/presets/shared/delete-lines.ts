/**
 * Deleting lines one request each, for backends with no bulk or soft delete (json-server,
 * Dataverse). A line already gone is no error: it is what a retried delete finds. Such backends
 * delete for good, so the answer carries no `deletionId` (nothing to restore).
 */
import { NotFoundError } from '../../adapter/errors.js';
import type { DeleteAllResult } from '../../model/types.js';

/** Deletes each listed line the bound allows: all of them, or only those named in `lineIds`. */
export async function deleteListedLines(
  listed: readonly string[],
  lineIds: readonly string[] | undefined,
  deleteOne: (id: string) => Promise<unknown>,
): Promise<DeleteAllResult> {
  const bound = lineIds ? new Set(lineIds) : undefined;
  const doomed = bound ? listed.filter((id) => bound.has(id)) : listed;
  let deleted = 0;
  // One at a time: a backend without a bulk delete; and a failure stops before deleting more.
  for (const id of doomed) if (await deleteIfThere(() => deleteOne(id))) deleted += 1;
  return { deleted, kept: listed.length - doomed.length, deletionId: null };
}

/** One line's delete: 1 when it went, 0 when it was gone already. */
export async function deleteOneLine(deleteOne: () => Promise<unknown>): Promise<DeleteAllResult> {
  return { deleted: (await deleteIfThere(deleteOne)) ? 1 : 0, kept: 0, deletionId: null };
}

async function deleteIfThere(deleteOne: () => Promise<unknown>): Promise<boolean> {
  try {
    await deleteOne();
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}
