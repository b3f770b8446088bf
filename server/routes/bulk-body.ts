/**
 * What the bulk reads share: a list of up to a thousand keys in a JSON body (a list that long does
 * not fit a URL, hence POST; the reads change nothing and need only `read`), and its body limit.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { fieldIssues } from '../../src/model/schemas.js';
import { readJsonBody } from '../http/http.js';
import { validationProblem } from '../http/problems.js';

export const MAX_BULK_KEYS = 1000;
/** An email may be 320 characters long (64 + @ + 255). */
export const KEY_MAX_LENGTH = 320;
/** Room for MAX_BULK_KEYS keys of KEY_MAX_LENGTH characters of three UTF-8 bytes each (~963 KB). */
export const BULK_READ_BODY_BYTES = 1024 * 1024;

export const keyList = (max: number) =>
  v.pipe(
    v.array(v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`))),
    v.minLength(1, 'must name at least one'),
    v.maxLength(MAX_BULK_KEYS, `may name at most ${MAX_BULK_KEYS}`),
  );

/** The body, checked by `schema`; a 422 naming each field at fault otherwise. */
export async function readBulkBody<T extends v.GenericSchema>(c: Context, schema: T): Promise<v.InferOutput<T>> {
  const parsed = v.safeParse(schema, await readJsonBody(c));
  if (!parsed.success) throw validationProblem(fieldIssues(parsed.issues));
  return parsed.output;
}
