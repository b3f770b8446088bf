// Comments say why, in words that stay true: an issue number means nothing to a reader who has
// only the code, and the tracker it points into may be gone. Every comment of the repository's own
// code (kit, server, scripts, tests, benchmarks, demo) is checked for one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FOLDERS = ['src', 'server', 'scripts', 'test', 'bench', 'demo', 'frameworks', 'themes'];
const SKIP = new Set(['node_modules', 'dist', 'dist-demo']);

/** Block and line comments of a script or style sheet; `--` comments of SQL. */
const COMMENTS: Record<string, RegExp> = {
  '.ts': /\/\*[\s\S]*?\*\/|\/\/[^\n]*/g,
  '.tsx': /\/\*[\s\S]*?\*\/|\/\/[^\n]*/g,
  '.js': /\/\*[\s\S]*?\*\/|\/\/[^\n]*/g,
  '.mjs': /\/\*[\s\S]*?\*\/|\/\/[^\n]*/g,
  '.css': /\/\*[\s\S]*?\*\//g,
  '.sql': /--[^\n]*|\/\*[\s\S]*?\*\//g,
};

/** An issue, ticket or pull request with its number, in the usual spellings; a number after `#` or `GH-`. */
const ISSUE_REFERENCE = /\b(?:issues?|tickets?|PRs?|pull requests?)\s*#?\d+|(?:^|[\s(])#\d+\b|\bGH-\d+/i;

function* files(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (COMMENTS[extname(entry.name)]) yield path;
  }
}

test('the pattern finds the ways an issue is cited, and not what merely looks like one', () => {
  for (const cited of ['(issue 6)', 'issue 4, item 6', 'Issue #12', 'issues 4', 'see #12', 'ticket 3', 'GH-12']) {
    assert.match(cited, ISSUE_REFERENCE, cited);
  }
  for (const plain of ['the field of each issue', 'Valibot issues', 'color: #fff', 'item 6 of the list', 'top 3 issues', 'HTTP 204']) {
    assert.doesNotMatch(plain, ISSUE_REFERENCE, plain);
  }
});

test('no comment cites an issue number', () => {
  const found: string[] = [];
  let scanned = 0;
  for (const folder of FOLDERS) {
    for (const path of files(join(ROOT, folder))) {
      scanned += 1;
      const text = readFileSync(path, 'utf8');
      for (const comment of text.matchAll(COMMENTS[extname(path)])) {
        const hit = ISSUE_REFERENCE.exec(comment[0]);
        if (!hit) continue;
        const line = text.slice(0, comment.index + hit.index).split('\n').length;
        found.push(`${relative(ROOT, path)}:${line}: ${hit[0].trim()}`);
      }
    }
  }
  assert.ok(scanned > 300, `the repository's files were read (${scanned})`);
  assert.deepEqual(found, []);
});
