/**
 * The presets' demo and end-to-end server (`npm start` runs it beside the demo): the three fakes (Dataverse and Salesforce from their docs, a real
 * json-server) behind one origin with the page, so the page's requests are same-origin as inside a
 * CRM: `/api/data/v9.2/*` → Dataverse, `/services/data/*` → Salesforce, `/json/*` → json-server.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { DV, dataverseRow, startDataverseFake, type DataverseFake } from './dataverse-fake.js';
import { SF, startSalesforceFake, type SalesforceFake } from './salesforce-fake.js';
import { startJsonServer, type RunningJsonServer } from './json-server.js';

export interface PresetsServer { url: string; dataverse: DataverseFake; salesforce: SalesforceFake; jsonServer: RunningJsonServer; stop(): Promise<void> }

export async function startPresetsServer(options: { port?: number; host?: string } = {}): Promise<PresetsServer> {
  const dataverse = await startDataverseFake([
    dataverseRow('d0000000-0000-4000-8000-000000000001', { description: 'At the booth', receivedon: '2026-03-01' }),
    dataverseRow('d0000000-0000-4000-8000-000000000002', { _regardingobjectid_value: DV.fair, responsecode: 100000001, receivedon: '2026-03-03' }),
  ]);
  const salesforce = await startSalesforceFake();
  salesforce.statuses.push({ CampaignId: SF.spring, Label: 'Sent', HasResponded: false, IsDefault: true, SortOrder: 1 },
    { CampaignId: SF.spring, Label: 'Responded', HasResponded: true, IsDefault: false, SortOrder: 2 });
  salesforce.members.push({ Id: '00v000000000001AAA', CampaignId: SF.spring, ContactId: SF.contact, LeadId: null, Status: 'Sent',
    FirstRespondedDate: null, CreatedDate: '2026-03-01T09:00:00.000+0000', LastModifiedDate: '2026-03-01T09:00:00.000+0000' });
  const jsonServer = await startJsonServer();
  const tsconfigRaw = { compilerOptions: JSON.parse(readFileSync('tsconfig.json', 'utf8')).compilerOptions };
  const bundle = await build({ entryPoints: ['demo/presets/preset-page.ts'], bundle: true, format: 'esm', target: 'es2022', write: false, tsconfigRaw, logLevel: 'silent' });
  const script = bundle.outputFiles[0].text;
  const targets: [string, string, string][] = [
    ['/api/data/v9.2/', dataverse.origin, ''], ['/services/data/', salesforce.origin, ''], ['/json/', jsonServer.origin, '/json'],
  ];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const page = /^\/presets\/(dataverse|salesforce|json-server)\.html(?:\?|$)/.exec(path)?.[1];
    if (page) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(`demo/presets/${page}.html`));
    if (path === '/presets/preset-page.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    if (path === '/demo.css') return res.writeHead(200, { 'content-type': 'text/css' }).end(readFileSync('demo/demo.css'));
    if (path === '/' ) return res.writeHead(302, { location: '/presets/dataverse.html' }).end();
    const target = targets.find(([prefix]) => path.startsWith(prefix));
    if (!target) return res.writeHead(404).end();
    const upstream = request(`${target[1]}${path.slice(target[2].length)}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(options.port ?? 0, host, resolve); });
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`, dataverse, salesforce, jsonServer,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await Promise.all([dataverse.stop(), salesforce.stop(), jsonServer.stop()]);
    },
  };
}
