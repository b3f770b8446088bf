/**
 * Literals for query languages that a backend parses: OData `$filter` and Salesforce SOQL. A value
 * that reaches a query goes through one of these, so a quote in a note or a crafted id can never end
 * the literal and add a clause of its own. Ids are checked against their format rather than escaped:
 * an id that is not one is a bug or an attack, and the request is refused before it is sent.
 */
import { ValidationError } from './errors.js';

/**
 * An OData string literal: inside single quotes, a single quote is written twice (OData 4.01 ABNF,
 * `SQUOTE-in-string = SQUOTE SQUOTE`). Every other character, unicode included, stands for itself;
 * the query string's percent-encoding (URLSearchParams) takes care of `&`, `#`, `+` and `%`.
 */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An OData 4 Guid literal (unquoted); anything that is not a GUID is refused. */
export function odataGuid(value: string, field = 'id'): string {
  if (!GUID.test(value)) throw new ValidationError(`${field} is not a GUID`, [{ field, message: 'is not a GUID' }]);
  return value.toLowerCase();
}

/** The `(key)` segment of an OData entity path, e.g. `campaignresponses(5f0c…)`. */
export function odataKey(entitySet: string, id: string): string {
  return `/${entitySet}(${odataGuid(id)})`;
}

// Salesforce, "Quoted String Escape Sequences" (SOQL and SOSL reference): \n \r \t \b \f \" \' \\ are
// the escapes; "if you use a backslash character in any other context, an error occurs". Other
// control characters have no escape of their own, so they are written as \uXXXX, which it also lists.
const SOQL_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f',
};

/** A SOQL string literal, in single quotes with every reserved character escaped. */
export function soqlString(value: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = value.replace(/[\\'"\n\r\t\b\f]|[\u0000-\u001f\u007f]/g, (char) =>
    SOQL_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${escaped}'`;
}

/**
 * A SOQL `LIKE` pattern that matches `value` literally somewhere in the field: `%` and `_` are
 * wildcards there, escaped as `\%` and `\_` (LIKE expressions only, same reference).
 */
export function soqlContains(value: string): string {
  const literal = soqlString(value).slice(1, -1).replace(/[%_]/g, (char) => `\\${char}`);
  return `'%${literal}%'`;
}

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** A Salesforce record id (15 or 18 characters, letters and digits) as a SOQL literal; others are refused. */
export function soqlId(value: string, field = 'id'): string {
  if (!SALESFORCE_ID.test(value)) {
    throw new ValidationError(`${field} is not a Salesforce id`, [{ field, message: 'is not a Salesforce id' }]);
  }
  return `'${value}'`;
}

/** Whether `value` looks like a Salesforce record id. */
export const isSalesforceId = (value: string): boolean => SALESFORCE_ID.test(value);
