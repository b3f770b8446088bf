import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/campaign-response-report.js';
import type { CampaignResponseReport } from '../../src/components/campaign-response-report/campaign-response-report.js';
import { CsvRecordCounter } from '../../src/components/campaign-response-report/csv-export.js';
import { CampaignReportsClient } from '../../src/data/reports-client.js';
import { UnavailableError } from '../../src/adapter/errors.js';
import type { ReportQuery } from '../../src/adapter/types.js';
import type { CampaignResponseRow } from '../../src/model/campaign-stats.js';
import { FakeReportsAdapter, reportRow } from '../support/browser/fake-reports-adapter.js';
import { captureDownloads, CSV_HEAD, CSV_ROW_1, CSV_ROW_2, CSV_ROW_3, withPicker } from '../support/browser/csv-download.js';
import { until } from './fake-adapter.js';
import { $, choose, text, typeInto } from './helpers.js';

// Export CSV of <campaign-response-report>: the Blob path, the streaming path through
// showSaveFilePicker, cancel, failures, and the row counting behind the progress.

type Report = CampaignResponseReport;

async function mount() {
  const adapter = new FakeReportsAdapter();
  const rows: CampaignResponseRow[] = ['a', 'b', 'c'].map((id) => reportRow({ id, note: `note ${id}` }));
  adapter.rows.set('spring', rows);
  const client = new CampaignReportsClient({ adapter });
  const report = await fixture<Report>(
    html`<campaign-response-report campaign-id="spring" page-size="50" .reportsClient=${client}></campaign-response-report>`,
  );
  await until(() => report.shadowRoot?.querySelector('[part="rows"]'));
  return { report, adapter };
}

describe('<campaign-response-report> Export CSV', () => {
  it('counts rows by line feeds outside quotes, across chunks and in UTF-8', () => {
    const counter = new CsvRecordCounter();
    const bytes = new TextEncoder().encode(CSV_HEAD + CSV_ROW_1 + CSV_ROW_2 + CSV_ROW_3);
    for (let i = 0; i < bytes.length; i += 7) counter.add(bytes.subarray(i, i + 7));
    expect(counter.rows).to.equal(3, 'the line break inside the quoted note is not a row');
    expect(counter.bytes).to.equal(bytes.length);
  });

  it('without a file picker: collects the stream into a Blob, downloads it, and shows progress', async () => {
    const restorePicker = withPicker(undefined);
    const downloads = captureDownloads();
    try {
      const { report, adapter } = await mount();
      choose($<HTMLSelectElement>(report, '[name="source"]'), 'manual');
      typeInto($<HTMLInputElement>(report, '[name="note"]'), 'note');
      // Export at once: the note as typed is part of what is exported, debounced or not.
      $<HTMLButtonElement>(report, '[part="export-button"]').click();
      await until(() => adapter.csvFeeds.length === 1);
      const [, exportQuery] = adapter.callsOf('exportCampaignResponsesCsv')[0].args as [string, ReportQuery];
      expect(exportQuery).to.deep.equal({ sort: '-respondedAt', source: 'manual', q: 'note' }, 'the filters, no cursor, no limit');
      const feed = adapter.csvFeeds[0];
      feed.push(CSV_HEAD);
      feed.push(CSV_ROW_1 + CSV_ROW_2.slice(0, 40));
      await until(() => text(report.shadowRoot!.querySelector('[part="export-status"]') ?? report).includes('1 rows so far'));
      expect(text($(report, '[part="export-status"]'))).to.match(/Exporting… 1 rows so far \(\d+ byte\)/);
      expect(report.shadowRoot!.querySelector('[part="export-cancel"]')).not.to.equal(null);
      await expect(report).to.be.accessible();
      feed.push(CSV_ROW_2.slice(40) + CSV_ROW_3);
      feed.close();
      await until(() => downloads.blobs.length === 1);
      const bytes = new Uint8Array(await downloads.blobs[0].arrayBuffer());
      const expected = new TextEncoder().encode(CSV_HEAD + CSV_ROW_1 + CSV_ROW_2 + CSV_ROW_3);
      expect([...bytes]).to.deep.equal([...expected], 'byte for byte what the stream gave, BOM included');
      expect(downloads.blobs[0].type).to.equal('text/csv;charset=utf-8');
      expect(downloads.names).to.deep.equal(['spring-responses.csv']);
      await until(() => text($(report, '[part="export-status"]')).startsWith('Exported'));
      expect(text($(report, '[part="export-status"]'))).to.equal(`Exported 3 rows (${new Intl.NumberFormat(undefined, { style: 'unit', unit: 'byte', unitDisplay: 'short' }).format(expected.byteLength)}).`);
    } finally {
      downloads.restore();
      restorePicker();
    }
  });

  it('with showSaveFilePicker: writes each chunk to the file as it arrives, then closes it', async () => {
    const written: string[] = [];
    let closed = false;
    let pickerOptions: { suggestedName?: string } | undefined;
    const restorePicker = withPicker(async (options: { suggestedName?: string }) => {
      pickerOptions = options;
      return {
        createWritable: async () =>
          new WritableStream<Uint8Array>({
            write: (chunk) => void written.push(new TextDecoder('utf-8', { ignoreBOM: true }).decode(chunk)),
            close: () => void (closed = true),
          }),
      };
    });
    const downloads = captureDownloads();
    try {
      const { report, adapter } = await mount();
      $<HTMLButtonElement>(report, '[part="export-button"]').click();
      await until(() => adapter.csvFeeds.length === 1);
      expect(pickerOptions?.suggestedName).to.equal('spring-responses.csv');
      const feed = adapter.csvFeeds[0];
      feed.push(CSV_HEAD);
      await until(() => written.length === 1);
      expect(written).to.deep.equal([CSV_HEAD], 'the header is in the file before the next chunk exists');
      feed.push(CSV_ROW_1);
      await until(() => written.length === 2);
      expect(closed).to.equal(false);
      await until(() => text($(report, '[part="export-status"]')).includes('1 rows so far'));
      feed.push(CSV_ROW_2);
      feed.close();
      await until(() => closed);
      expect(written.join('')).to.equal(CSV_HEAD + CSV_ROW_1 + CSV_ROW_2);
      await until(() => text($(report, '[part="export-status"]')).startsWith('Exported 2 rows'));
      expect(downloads.blobs).to.have.length(0, 'nothing held in memory as a Blob');
    } finally {
      downloads.restore();
      restorePicker();
    }
  });

  it('Cancel stops the request and discards the file being written', async () => {
    let aborted = false;
    let closed = false;
    const restorePicker = withPicker(async () => ({
      createWritable: async () =>
        new WritableStream<Uint8Array>({
          close: () => void (closed = true),
          abort: () => void (aborted = true),
        }),
    }));
    try {
      const { report, adapter } = await mount();
      $<HTMLButtonElement>(report, '[part="export-button"]').click();
      await until(() => adapter.csvFeeds.length === 1);
      adapter.csvFeeds[0].push(CSV_HEAD);
      await until(() => report.shadowRoot!.querySelector('[part="export-cancel"]'));
      $<HTMLButtonElement>(report, '[part="export-cancel"]').click();
      await until(() => text(report.shadowRoot!.querySelector('[part="export-status"]') ?? report) === 'The export was cancelled.');
      expect(aborted).to.equal(true);
      expect(closed).to.equal(false);
      expect($<HTMLButtonElement>(report, '[part="export-button"]').disabled).to.equal(false);
    } finally {
      restorePicker();
    }
  });

  it('a failure mid-stream or at the start is a clear error', async () => {
    const restorePicker = withPicker(undefined);
    const downloads = captureDownloads();
    try {
      const { report, adapter } = await mount();
      $<HTMLButtonElement>(report, '[part="export-button"]').click();
      await until(() => adapter.csvFeeds.length === 1);
      adapter.csvFeeds[0].push(CSV_HEAD);
      adapter.csvFeeds[0].fail(new UnavailableError('The server went away.'));
      await until(() => report.shadowRoot!.querySelector('[part="export-status"][role="alert"]'));
      expect(text($(report, '[part="export-status"]'))).to.equal('The export failed: The server went away.');
      expect(downloads.blobs).to.have.length(0);
      adapter.failures.exportCampaignResponsesCsv = new UnavailableError('Timed out.');
      $<HTMLButtonElement>(report, '[part="export-button"]').click();
      await until(() => text($(report, '[part="export-status"]')) === 'The export failed: Timed out.');
      await expect(report).to.be.accessible();
    } finally {
      downloads.restore();
      restorePicker();
    }
  });
});
