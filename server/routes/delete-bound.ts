/**
 * The bound of a delete-all: `{ "lineIds": [...] }`, the lines the person saw. A delete queued
 * offline long ago then removes only those, never a line added since. No body: every live line (the
 * old request, kept for simple clients).
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { fieldIssues, UuidSchema } from '../../src/model/schemas.js';
import { readJsonBody } from '../http/http.js';
import { validationProblem } from '../http/problems.js';

export const MAX_BOUND_LINES = 2000;
/** Room for MAX_BOUND_LINES ids in any JSON spelling a client may use (39 bytes each, compact). */
export const BOUND_BODY_BYTES = 128 * 1024;

const BoundSchema = v.strictObject({
  lineIds: v.pipe(v.array(UuidSchema), v.maxLength(MAX_BOUND_LINES, `may name at most ${MAX_BOUND_LINES} lines`)),
});

/** The bound's ids, lowercase, sorted and unique (one spelling per meaning); undefined without a body. */
export async function readDeleteBound(c: Context): Promise<string[] | undefined> {
  const length = c.req.header('Content-Length');
  if (c.req.header('Content-Type') === undefined && (length === undefined || length === '0')) return undefined;
  const parsed = v.safeParse(BoundSchema, await readJsonBody(c));
  if (!parsed.success) throw validationProblem(fieldIssues(parsed.issues));
  return [...new Set(parsed.output.lineIds.map((id) => id.toLowerCase()))].sort();
}
