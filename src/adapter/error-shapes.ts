/**
 * Error bodies of backends that do not speak RFC 9457, read into the kit's `Problem` so that a
 * typed error carries the backend's own message (and field names where it sends them). Each is an
 * `errorFromServer` for `createRestAdapter`; `anyErrorShape` tries all of them.
 */
import type { Problem } from './errors.js';
import { problemFromBody } from './http-problem.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * OData's JSON error (OData JSON Format 4.01 §21.1, and Dataverse's Web API):
 * `{"error":{"code":"0x80040237","message":"…","details":[{"code","message","target"}]}}`.
 * The code becomes `type`, the message `detail`; details with a `target` become field errors.
 */
export function odataError(body: unknown): Problem | undefined {
  const error = isRecord(body) ? body.error : undefined;
  if (!isRecord(error)) return undefined;
  const problem: Problem = { type: str(error.code), detail: str(error.message) ?? str(error.code) };
  const details = Array.isArray(error.details) ? error.details : [];
  const errors = details.flatMap((d) =>
    isRecord(d) && str(d.target) && str(d.message) ? [{ field: d.target as string, message: d.message as string }] : []);
  if (errors.length) problem.errors = errors;
  return problem;
}

/**
 * Salesforce's REST errors: a top-level array `[{"message","errorCode","fields":[…]}]` (REST API
 * Developer Guide, "Status Codes and Error Responses"). The first error's code becomes `type`; the
 * messages are joined; each named field becomes a field error with its error's message.
 */
export function salesforceErrors(body: unknown): Problem | undefined {
  if (!Array.isArray(body)) return undefined;
  const items = body.filter(isRecord);
  if (items.length === 0) return undefined;
  const messages = items.map((item) => str(item.message) ?? str(item.errorCode)).filter((m): m is string => !!m);
  const errors = items.flatMap((item) =>
    (Array.isArray(item.fields) ? item.fields : []).filter((f): f is string => typeof f === 'string')
      .map((field) => ({ field, message: str(item.message) ?? '' })));
  const problem: Problem = { type: str(items[0].errorCode), detail: messages.join('; ') || undefined };
  if (errors.length) problem.errors = errors;
  return problem;
}

/** RFC 9457 first, then the OData object, then a top-level array: the one that reads the body wins. */
export function anyErrorShape(body: unknown): Problem | undefined {
  if (Array.isArray(body)) return salesforceErrors(body);
  return odataError(body) ?? simpleError(body) ?? problemFromBody(body);
}

/** `{"message":"…"}` or `{"error":"…"}`, as many small APIs (and json-server's own errors) send. */
function simpleError(body: unknown): Problem | undefined {
  if (!isRecord(body) || str(body.title) || str(body.detail)) return undefined;
  const said = str(body.message) ?? str(body.error);
  return said === undefined ? undefined : { detail: said };
}
