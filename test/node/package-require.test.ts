/**
 * CommonJS reaches the kit: every export of package.json has a `default` condition, so `require()`
 * resolves it (it had only `import`, and `require.resolve` failed with ERR_PACKAGE_PATH_NOT_EXPORTED,
 * which CommonJS test runners hit), and Node 20.19+ loads the ES modules through require(esm).
 *
 * The library is built into a folder of its own beside a copy of package.json, and a child Node
 * requires each entry by the package's name from there (a package may require itself by name), so the
 * exports map and the built files are what is under test, not the repository's dist/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { buildBundle } from '../../scripts/build-bundle.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
let packageDir = '';

/** Runs `script` (CommonJS) in a child Node from the built package's folder; its stdout and stderr. */
function requireIn(script: string) {
  const result = spawnSync(process.execPath, ['--no-warnings', '--input-type=commonjs', '-e', script], { cwd: packageDir, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('the package from CommonJS', () => {
  before(async () => {
    packageDir = mkdtempSync(join(tmpdir(), 'cr-require-'));
    for (const file of ['package.json', 'custom-elements.json']) copyFileSync(join(ROOT, file), join(packageDir, file));
    symlinkSync(join(ROOT, 'node_modules'), join(packageDir, 'node_modules'), 'dir');
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: join(packageDir, 'dist') } });
    mkdirSync(join(packageDir, 'dist'), { recursive: true });
    await buildBundle({ outdir: join(packageDir, 'dist') });
  });
  after(() => rmSync(packageDir, { recursive: true, force: true }));

  test('runs on a Node that has require(esm) (the engines field says >=20.19)', () => {
    const [major, minor] = process.versions.node.split('.').map(Number);
    assert.ok(major > 20 || (major === 20 && minor >= 19), `Node ${process.versions.node}`);
  });

  test('require() loads the root, the model, the adapter, the German table and the define modules', () => {
    const entries = ['campaign-response-kit', 'campaign-response-kit/model', 'campaign-response-kit/adapter',
      'campaign-response-kit/i18n/de.js', 'campaign-response-kit/define/all.js'];
    const { status, stdout, stderr } = requireIn(`
      const loaded = ${JSON.stringify(entries)}.map((name) => [name, Object.keys(require(name)).length]);
      console.log(JSON.stringify(Object.fromEntries(loaded)));`);
    assert.equal(status, 0, stderr);
    const exportsPerEntry = JSON.parse(stdout) as Record<string, number>;
    assert.ok(exportsPerEntry['campaign-response-kit'] > 50, stdout);
    assert.ok(exportsPerEntry['campaign-response-kit/model'] > 10, stdout);
    assert.ok(exportsPerEntry['campaign-response-kit/adapter'] > 5, stdout);
    assert.equal(exportsPerEntry['campaign-response-kit/i18n/de.js'], 1, stdout);
  });

  test('the classes and functions arrive as themselves, not as a namespace object', () => {
    const { status, stdout, stderr } = requireIn(`
      const { CampaignResponsesTab, createRestDataClient, configureCampaignKit } = require('campaign-response-kit');
      console.log([typeof CampaignResponsesTab, typeof createRestDataClient, typeof configureCampaignKit].join(' '));`);
    assert.equal(status, 0, stderr);
    assert.equal(stdout, 'function function function');
  });

  test('require.resolve finds every export, the single-file bundle and the data files included', () => {
    const { status, stdout, stderr } = requireIn(`
      const names = ['campaign-response-kit/bundle', 'campaign-response-kit/define/campaign-responses-tab.js',
        'campaign-response-kit/custom-elements.json', 'campaign-response-kit/package.json'];
      console.log(names.map((name) => require('node:path').relative(process.cwd(), require.resolve(name))).join(' '));`);
    assert.equal(status, 0, stderr);
    assert.equal(stdout, 'dist/campaign-kit.bundle.js dist/define/campaign-responses-tab.js custom-elements.json package.json');
  });
});
