/**
 * The id of a record that a create answered without a body: OData's `OData-EntityId` (required on a
 * 204 to a create, OData 4.01 Protocol §8.3.4) or HTTP's `Location` (RFC 9110 §10.2.2).
 */

/**
 * The key of the entity the header names: `…/campaignresponses(5f0c…)` gives `5f0c…`, a
 * `…/responses/42` gives `42`. Undefined when neither header is there or names no key.
 */
export function idFromCreateHeaders(headers: Headers): string | undefined {
  const entity = headers.get('odata-entityid') ?? headers.get('location');
  if (!entity) return undefined;
  const path = entity.split(/[?#]/)[0];
  // An OData key in parentheses, possibly `(activityid=…)` or quoted: the last (…) group.
  const key = /\(([^()]*)\)\s*$/.exec(path)?.[1];
  if (key !== undefined) {
    const value = key.includes('=') ? key.slice(key.indexOf('=') + 1) : key;
    return decodeURIComponent(value.replace(/^'(.*)'$/, '$1').replaceAll("''", "'")) || undefined;
  }
  const last = path.replace(/\/+$/, '').split('/').pop();
  return last ? decodeURIComponent(last) : undefined;
}
