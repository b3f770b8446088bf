/**
 * The README serves two audiences: the repository's two commands stay at the top under "Develop",
 * and everything else must work on the npm page, where relative links lead nowhere (docs/, test/,
 * server/ are not in the package). So every link is absolute or an anchor of the README itself, and
 * every link into the repository starts with package.json's repository address: the one place it is kept.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { repository: { url: string }; homepage: string; bugs: { url: string } };
const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
/** Links outside fenced code blocks: `[text](target)`. */
const links = [...readme.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to dashes. */
const anchors = new Set([...readme.matchAll(/^#{1,6} (.+)$/gm)].map((match) => match[1].toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-')));

test('the two commands open the README, under Develop', () => {
  const [, firstSection] = /^# .+\n+## (.+)\n/.exec(readme) ?? [];
  assert.equal(firstSection, 'Develop');
  const block = /## Develop\n+```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  assert.match(block, /^npm install && npm start\b/m);
  assert.match(block, /^npm test\b/m);
});

test('every link works from the npm page: absolute, or an anchor of a README heading', () => {
  assert.ok(links.length > 10, `${links.length} links`);
  const relative = links.filter((link) => !/^https?:\/\//.test(link) && !link.startsWith('#'));
  assert.deepEqual(relative, []);
  const missing = links.filter((link) => link.startsWith('#') && !anchors.has(link.slice(1)));
  assert.deepEqual(missing, []);
});

test('links into the repository use package.json\'s address, as homepage and bugs do', () => {
  const github = links.filter((link) => link.startsWith('https://github.com/'));
  assert.ok(github.length > 3);
  assert.deepEqual(github.filter((link) => !link.startsWith(`${repository}/`) && link !== repository), []);
  assert.ok(pkg.homepage.startsWith(repository) && pkg.bugs.url.startsWith(repository));
});

test('the README says how adopters install it, and covers every framework and topic it promises', () => {
  assert.match(readme, /npm i campaign-response-kit/);
  for (const heading of ['Install', 'Embedding', 'React 19', 'Vue 3', 'Svelte 5', 'Angular', 'Configuring the data source',
    'Theming and extending', 'Languages', 'Offline edits', 'Another backend: configuring the adapter', 'Events', 'Element reference']) {
    assert.match(readme, new RegExp(`^#{2,3} ${heading.replace(/[()]/g, '\\$&')}$`, 'm'), heading);
  }
});
