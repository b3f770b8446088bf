// No import in src/ runs back to a module that imports it. A cycle makes the evaluation order depend
// on which module a page happens to load first (a class read before it is defined), and it ties two
// modules together that a bundler could otherwise split. Type-only imports count too: they cost
// nothing at run time, but a type cycle is where the next value import turns into a real one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { parseCircular, parseDependencyTree } from 'dpdm';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('src/ has no import cycle, type-only imports included', async () => {
  const tree = await parseDependencyTree('src/**/*.ts', {
    context: root,
    cwd: root,
    tsconfig: `${root}tsconfig.json`,
    // Keep `import type`: transform would drop it before the graph is built.
    transform: false,
    // Only the kit's own modules: a cycle inside a dependency is not ours to fix.
    include: /\/src\/.*\.ts$/,
    exclude: /node_modules/,
  });
  const modules = Object.keys(tree);
  assert.ok(modules.length > 100, `the graph has the kit's modules (found ${modules.length})`);
  const unresolved = Object.entries(tree).flatMap(([issuer, dependencies]) =>
    (dependencies ?? []).filter((d) => d.id === null && d.request.startsWith('.')).map((d) => `${issuer} → ${d.request}`));
  assert.deepEqual(unresolved, [], 'every relative import resolves, so no edge is missing from the graph');
  const cycles = parseCircular(tree).map((cycle) => cycle.join(' → '));
  assert.deepEqual(cycles, []);
});
