/**
 * Adoption: the kit as an adopter gets it. `npm pack` (prepack builds), the tarball installed into a
 * throwaway Vite + Svelte 5 app that embeds the tab the README's way (the define module, then
 * configureCampaignKit, an `oncr-response-saved` handler), `vite build`, and the built app driven in
 * Chromium against the reference server on another origin (listed in its allowed origins): the tab
 * renders the seeded campaigns, Add Response saves, and the app's handler hears the event.
 *
 * Slow (an npm install and two builds), so CI runs it as a step of its own (.ci/run), not `npm test`:
 * `node --import tsx --test test/adoption/svelte-app.test.ts`. The app's packages come from npm's
 * cache when the repository's own install put them there (same versions as our devDependencies).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';
import { packKit } from '../../scripts/pack-kit.mjs';
import { startServer, type RunningServer } from '../../server/start.js';

const ROOT = resolve(import.meta.dirname, '../..');
const versionOf = (name: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const STEP_MS = 20_000;

const APP_SVELTE = `<script>
  import 'campaign-response-kit/define/campaign-responses-tab.js';
  import { configureCampaignKit } from 'campaign-response-kit';

  const params = new URLSearchParams(location.search);
  configureCampaignKit({ apiBase: params.get('api'), getToken: async () => params.get('token') });
  let saved = $state('');
</script>

<h1>Adopter's CRM</h1>
<campaign-responses-tab
  recipient-id="42"
  oncr-response-saved={(event) => (saved = \`saved \${event.line.detailId} for \${event.line.campaignId}\`)}
></campaign-responses-tab>
<p id="saved">{saved}</p>
`;

let work: string;
let app: string;
let staticServer: Server;
let api: RunningServer;
let browser: Browser;
let appUrl: string;

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/** The built app (dist/), as any static host serves it. */
function serveStatic(dir: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://app').pathname;
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'cr-adoption-'));
  // CI packs once (scripts/pack-kit.mjs --keep) and hands the tarball over, rather than building a third time.
  const tarball = process.env.CR_KIT_TARBALL || packKit({ destination: work }).tarball;
  app = join(work, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({
    name: 'adopter-app', private: true, type: 'module',
    dependencies: { 'campaign-response-kit': `file:${tarball}` },
    devDependencies: { svelte: versionOf('svelte'), '@sveltejs/vite-plugin-svelte': versionOf('@sveltejs/vite-plugin-svelte'), vite: versionOf('vite') },
  }, null, 2));
  writeFileSync(join(app, 'vite.config.js'), "import { svelte } from '@sveltejs/vite-plugin-svelte';\nexport default { plugins: [svelte()] };\n");
  writeFileSync(join(app, 'index.html'), '<!doctype html>\n<meta charset="utf-8">\n<title>Adopter</title>\n<div id="app"></div>\n<script type="module" src="/src/main.js"></script>\n');
  writeFileSync(join(app, 'src/main.js'), "import { mount } from 'svelte';\nimport App from './App.svelte';\nmount(App, { target: document.getElementById('app') });\n");
  writeFileSync(join(app, 'src/App.svelte'), APP_SVELTE);
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], app);
  run('npx', ['vite', 'build', '--logLevel', 'warn'], app);

  staticServer = await serveStatic(join(app, 'dist'));
  appUrl = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}`;
  api = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(work, 'db'), vite: false, allowedOrigins: [appUrl] });
  browser = await chromium.launch({ executablePath: findBrowser('chromium'), args: CHROMIUM_ARGS });
}, { timeout: 600_000 });

after(async () => {
  await browser?.close();
  await api?.close();
  staticServer?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the installed tarball ships what the app imports, and no source maps or src/', () => {
  const kit = join(app, 'node_modules', 'campaign-response-kit');
  assert.ok(existsSync(join(kit, 'dist', 'define', 'campaign-responses-tab.js')));
  assert.ok(existsSync(join(kit, 'frameworks', 'svelte.d.ts')));
  assert.ok(existsSync(join(kit, 'LICENSE')));
  assert.equal(existsSync(join(kit, 'src')), false);
  assert.equal(existsSync(join(kit, 'dist', 'kit.js.map')), false);
});

test('the built Svelte app renders the tab, Add Response saves, and the app hears cr-response-saved', { timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${appUrl}/?api=${encodeURIComponent(`${api.url}/api`)}&token=${encodeURIComponent(api.token)}`);
  const rows = page.locator('campaign-responses-tab [part~="row"]');
  await rows.first().waitFor({ timeout: STEP_MS });
  assert.ok((await rows.count()) > 0, 'the seeded campaigns are listed');

  await page.getByRole('button', { name: 'Add Response' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Campaign Response' });
  await dialog.waitFor({ timeout: STEP_MS });
  await dialog.getByLabel('Campaign', { exact: true }).selectOption({ index: 1 });
  await dialog.getByLabel('Campaign event').selectOption({ index: 1 });
  await dialog.getByLabel('New Response Detail').selectOption({ label: 'Responded' });
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();

  await page.locator('#saved', { hasText: 'saved responded for' }).waitFor({ timeout: STEP_MS });
  const [, campaignId] = /for (\S+)$/.exec((await page.locator('#saved').textContent()) ?? '') ?? [];
  const stored = await fetch(`${api.url}/api/recipients/42/responses?campaignId=${campaignId}&limit=500`, { headers: { Authorization: `Bearer ${api.token}` } });
  const lines = (await stored.json()) as { items: { detailId: string }[] };
  assert.ok(lines.items.some((line) => line.detailId === 'responded'), 'the server kept the line');
  assert.deepEqual(errors, []);
});
