/**
 * The part of OData's `$filter` grammar (OData 4.01 URL Conventions §5.1.1) that the Dataverse
 * preset sends, parsed for the fake: `eq`, `and`, `or`, parentheses, `false`, `contains(field,'…')`,
 * and a lambda `nav/any(p:…)`. String literals follow the ABNF (a quote inside is doubled), so the
 * fake reads an escaped value exactly as Dataverse would, and a badly escaped one fails or misreads.
 */
type Row = Record<string, unknown>;
export type Predicate = (row: Row) => boolean;

export function parseFilter(text: string): Predicate {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string) => {
    const token = tokens[at++];
    if (token === undefined || (expected !== undefined && token !== expected)) throw new Error(`$filter: expected ${expected ?? 'more'} at ${at}, got ${token}`);
    return token;
  };
  const value = (token: string): unknown =>
    token.startsWith("'") ? token.slice(1, -1).replaceAll("''", "'") : /^-?\d+$/.test(token) ? Number(token) : token.toLowerCase();
  function term(scope: string | undefined): Predicate {
    const token = take();
    if (token === '(') { const inner = expr(scope); take(')'); return inner; }
    if (token === 'false') return () => false;
    if (token === 'contains') {
      take('('); const field = take(); take(','); const needle = value(take()) as string; take(')');
      return (row) => String(row[field] ?? '').toLowerCase().includes(needle.toLowerCase());
    }
    const lambda = /^(\w+)\/any$/.exec(token);
    if (lambda) {
      take('('); const variable = take().replace(/:$/, ''); const inner = expr(variable); take(')');
      return (row) => (row[lambda[1]] as Row[] | undefined ?? []).some(inner);
    }
    const field = scope && token.startsWith(`${scope}/`) ? token.slice(scope.length + 1) : token;
    take('eq');
    const expected = value(take());
    return (row) => (typeof row[field] === 'string' ? (row[field] as string).toLowerCase() : row[field]) === expected;
  }
  function expr(scope: string | undefined): Predicate {
    let left = term(scope);
    while (peek() === 'and' || peek() === 'or') {
      const op = take();
      const right = term(scope);
      const l = left;
      left = op === 'and' ? (row) => l(row) && right(row) : (row) => l(row) || right(row);
    }
    return left;
  }
  const predicate = expr(undefined);
  if (at !== tokens.length) throw new Error(`$filter: unexpected ${tokens[at]}`);
  return predicate;
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === ' ') { i += 1; continue; }
    if (char === "'") {
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new Error('$filter: unterminated string');
        if (text[j] === "'" && text[j + 1] === "'") { j += 2; continue; }
        if (text[j] === "'") break;
        j += 1;
      }
      tokens.push(text.slice(i, j + 1));
      i = j + 1;
    } else if ('(),'.includes(char)) {
      tokens.push(char); i += 1;
    } else {
      const match = /^[^\s(),':]+:?/.exec(text.slice(i))!;
      tokens.push(match[0]); i += match[0].length;
    }
  }
  return tokens;
}
