#!/usr/bin/env node
// After `tsc -p tsconfig.build.json`: removes the declarations no public entry reaches. tsc writes
// one .d.ts per source module, the inner parts of every element too (controllers, render helpers,
// styles), which no `types` condition of package.json leads to and no import of a reachable
// declaration names: they only made the package heavier (about 30 kB of the packed tarball). The walk
// starts at every `types` path of package.json's exports under dist/types and follows relative
// imports (`from '…'`, `import('…')`) and `/// <reference path>`; what it never reaches is removed.
// attw (CI's package step) fails on a declaration that imports one that is missing.
//
// In what stays, an element's parts, tokens, slots and events (`@csspart`, `@cssprop`, `@slot`,
// `@fires`, `@cssState`) are left to the manifest, the editors' data and docs/reference.md, which are
// made from the same comments and are where tools and people read them; the class's documentation
// keeps its prose and says where they are. Together about 40 kB packed: the tarball's budget.
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const TYPES = 'dist/types';

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (path.endsWith('.d.ts')) yield normalize(path);
  }
}

/** Every `types` path of the exports map that lies in dist/types, `*` patterns expanded. */
function entries() {
  const found = [];
  const visit = (value) => {
    if (typeof value === 'string') {
      if (!value.endsWith('.d.ts')) return;
      const path = normalize(value);
      if (!path.startsWith(`${TYPES}/`)) return;
      if (!path.includes('*')) return void found.push(path);
      const [head, tail] = path.split('*');
      for (const file of walk(dirname(head))) if (file.startsWith(head) && file.endsWith(tail)) found.push(file);
    } else if (value && typeof value === 'object') for (const inner of Object.values(value)) visit(inner);
  };
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  visit(pkg.exports);
  visit(pkg.types);
  return found;
}

const IMPORTS = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]|\/\/\/\s*<reference\s+path=['"]([^'"]+)['"]/g;

/** The declaration file a relative specifier in `from` names. */
function target(from, specifier) {
  const path = normalize(join(dirname(from), specifier));
  if (path.endsWith('.d.ts')) return path;
  if (path.endsWith('.js')) return `${path.slice(0, -3)}.d.ts`;
  return existsSync(`${path}.d.ts`) ? `${path}.d.ts` : join(path, 'index.d.ts');
}

export function pruneTypes() {
  const reached = new Set();
  const stack = entries();
  if (stack.length === 0) throw new Error('prune-types: no `types` entry under dist/types in package.json; nothing removed');
  while (stack.length > 0) {
    const file = stack.pop();
    if (reached.has(file)) continue;
    if (!existsSync(file)) throw new Error(`prune-types: ${file} is named but was not built`);
    reached.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORTS)) stack.push(target(file, match[1] ?? match[2]));
  }
  let removed = 0;
  for (const file of walk(TYPES)) {
    if (reached.has(file)) continue;
    rmSync(file);
    removed += 1;
  }
  for (const file of reached) leaveTagsToManifest(file);
  return { kept: reached.size, removed };
}

const MANIFEST_TAG = /^\s*\* @(?:csspart|cssprop|cssprop-globals|slot|fires|cssState)\b/;

/** Drops the manifest's tags from a declaration's comments, with one line saying where they are. */
function leaveTagsToManifest(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const kept = [];
  let said = false;
  for (const line of lines) {
    if (!MANIFEST_TAG.test(line)) {
      kept.push(line);
      continue;
    }
    if (!said) kept.push(`${line.slice(0, line.indexOf('*'))}* Parts, tokens, slots and events: custom-elements.json and docs/reference.md.`);
    said = true;
  }
  if (said) writeFileSync(file, kept.join('\n'));
}

if (process.argv[1] && relative(process.cwd(), process.argv[1]) === 'scripts/prune-types.mjs') {
  const { kept, removed } = pruneTypes();
  console.log(`prune-types: kept ${kept} declarations reached from package.json's exports, removed ${removed}`);
}
