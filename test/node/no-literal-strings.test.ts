// No user-visible words in the elements' templates: every string comes from the translation table
// (src/i18n/en.ts), so a language registered with registerTranslation() covers all of it. A heuristic:
// it reads the static text of every html`` / svg`` template under src/components (between tags, and
// in the attributes people read: aria-label, title, placeholder, alt, label) and fails on letters.
// Symbols and punctuation are fine (a ×, a ·, a glyph beside the words); anything else that must stay
// goes into ALLOWED with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import { DEFAULT_CATEGORIES, DEFAULT_DETAILS } from '../../src/model/vocabulary.js';

/** Static template text allowed to hold letters, and why. */
const ALLOWED = new Map<string, string>([
  // (none yet: add `'text' => 'reason'`)
]);

const READ_ATTRIBUTES = /\b(aria-label|aria-description|aria-placeholder|aria-roledescription|aria-valuetext|title|placeholder|alt|label)\s*=\s*(["'])([^"']*)\2/giu;

/**
 * The static pieces of every tagged template (`html`, `svg`, `css` excluded) in `source`, each
 * with `\u0000` where an expression was, and the line it starts on.
 */
export function templates(source: string): { text: string; line: number }[] {
  const found: { text: string; line: number }[] = [];
  const lineAt = (index: number) => source.slice(0, index).split('\n').length;

  // Scans from `i` (just past a backtick) to the closing backtick; returns the index after it.
  function template(i: number, record: boolean): number {
    let text = '';
    const start = i;
    while (i < source.length) {
      const c = source[i];
      if (c === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        if (record) found.push({ text, line: lineAt(start) });
        return i + 1;
      } else if (c === '$' && source[i + 1] === '{') {
        text += '\u0000';
        i = expression(i + 2);
      } else {
        text += c;
        i += 1;
      }
    }
    return i;
  }

  // Scans an expression from `i` to its closing brace; returns the index after it.
  function expression(i: number): number {
    let depth = 1;
    while (i < source.length) {
      const c = source[i];
      if (c === '`') {
        const tag = /(html|svg)\s*$/u.exec(source.slice(Math.max(0, i - 8), i));
        i = template(i + 1, Boolean(tag));
      } else if (c === "'" || c === '"') {
        i = skipString(i);
      } else if (c === '/' && source[i + 1] === '/') {
        i = source.indexOf('\n', i);
      } else {
        if (c === '{') depth += 1;
        if (c === '}' && --depth === 0) return i + 1;
        i += 1;
      }
    }
    return i;
  }

  function skipString(i: number): number {
    const quote = source[i];
    i += 1;
    while (i < source.length && source[i] !== quote) i += source[i] === '\\' ? 2 : 1;
    return i + 1;
  }

  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '/') i = source.indexOf('\n', i) + 1 || source.length;
    else if (c === '/' && source[i + 1] === '*') i = source.indexOf('*/', i) + 2;
    else if (c === "'" || c === '"') i = skipString(i);
    else if (c === '`') {
      const tag = /(html|svg)\s*$/u.exec(source.slice(Math.max(0, i - 8), i));
      i = template(i + 1, Boolean(tag));
    } else i += 1;
  }
  return found;
}

/** Words a person would read in a template's static text: between tags, and in the read attributes. */
export function literalText(template: string): string[] {
  const words: string[] = [];
  const withoutComments = template.replace(/<!--[\s\S]*?-->/gu, '');
  // Between tags: what remains after taking the tags out.
  const between = withoutComments.replace(/<[^>]*>/gu, '\u0000');
  for (const piece of between.split('\u0000')) {
    const trimmed = piece.trim();
    if (/\p{L}/u.test(trimmed)) words.push(trimmed);
  }
  for (const tag of withoutComments.match(/<[^>]*>/gu) ?? []) {
    for (const match of tag.matchAll(READ_ATTRIBUTES)) {
      const value = match[3].replaceAll('\u0000', '').trim();
      if (/\p{L}/u.test(value)) words.push(`${match[1]}="${value}"`);
    }
  }
  return words;
}

test('the scanner finds text between tags and in read attributes, and nothing in expressions or tags', () => {
  const source =
    "const a = html`<p class=\"x\">Hello ${name}</p><button aria-label=\"Close\">×</button>${ok ? html`<b>Nested</b>` : ''}<i title=${t('x')}>·</i>`;\n" +
    "const b = css`:host { content: 'Not a template of words'; }`;\n" +
    "const c = `plain ${'string'} not a template`;";
  const words = templates(source).flatMap((found) => literalText(found.text));
  assert.deepEqual(words.sort(), ['Hello', 'Nested', 'aria-label="Close"']);
});

test('no user-visible literal text in the templates of src/components', () => {
  const offences: string[] = [];
  const files = readdirSync('src/components', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.styles.ts'))
    .map((file) => join('src/components', file));
  assert.ok(files.length > 20, `found ${files.length} component files`);
  let scanned = 0;
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const found of templates(source)) {
      scanned += 1;
      for (const words of literalText(found.text)) {
        if (!ALLOWED.has(words)) offences.push(`${file}:${found.line}: ${JSON.stringify(words)}`);
      }
    }
  }
  assert.ok(scanned > 100, `read ${scanned} templates`);
  assert.deepEqual(offences, [], `user-visible text belongs in src/i18n/en.ts:\n${offences.join('\n')}`);
});

test('the translation tables: German has every key; the vocabulary keys are the built-in labels', () => {
  assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
  const table = en as Record<string, string>;
  for (const category of DEFAULT_CATEGORIES) assert.equal(table[`vocabulary.category.${category.id}`], category.label, category.id);
  for (const detail of DEFAULT_DETAILS) assert.equal(table[`vocabulary.detail.${detail.id}`], detail.label, detail.id);
  const vocabularyKeys = Object.keys(en).filter((key) => key.startsWith('vocabulary.'));
  assert.equal(vocabularyKeys.length, DEFAULT_CATEGORIES.length + DEFAULT_DETAILS.length);
  // Every {parameter} of an English string is in the German one, and no other.
  const params = (text: string) => [...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();
  for (const key of Object.keys(en) as (keyof typeof en)[]) assert.deepEqual(params(de[key]), params(en[key]), key);
});
