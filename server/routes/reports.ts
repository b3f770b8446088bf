/**
 * A campaign's detail report (JSON pages and a streamed CSV of the same selection) and its
 * clickthrough report. Both read live: they list lines, which a snapshot would not hold.
 */
import type { Clicker, Clickthrough, ClickthroughEvent, ClickthroughLink } from '../../src/model/campaign-stats.js';
import type { Page } from '../../src/model/types.js';
import type { CampaignResponseRow } from '../../src/model/campaign-stats.js';
import { csvStream, type CsvValue } from '../http/csv.js';
import { inOneSnapshot, toInstant } from '../db/db.js';
import { jsonWithEtag } from '../http/http.js';
import { fieldProblem, ProblemError } from '../http/problems.js';
import {
  encodeReportCursor,
  filterSql,
  keyOf,
  parseReportQuery,
  readReportBatch,
  toReportRow,
} from '../stats/report-query.js';
import { machineCause } from '../tracking/machine-detect.js';
import { campaignExists, readVocabulary } from '../db/repo.js';
import type { CampaignRouteDeps } from './campaign-context.js';
import type { Api } from './context.js';

/** Rows per database read of the CSV export: enough to keep round trips few, small enough to keep memory flat. */
export const CSV_BATCH_ROWS = 1000;

export const CSV_HEADER = [
  'Responded at (UTC)', 'Recorded at (UTC)', 'Recipient ID', 'Recipient', 'Event ID', 'Event', 'Detail ID', 'Detail',
  'Category', 'Source', 'Note', 'Author', 'Link ID', 'Link URL', 'Machine', 'Machine reason', 'User agent',
  'Seconds since delivery', 'Line ID',
] as const;

export function registerReportRoutes(api: Api, { db }: CampaignRouteDeps): void {
  const requireCampaign = async (campaignId: string) => {
    if (!(await campaignExists(db, campaignId))) throw new ProblemError('not-found', `No campaign ${campaignId}.`);
  };

  api.get('/campaigns/:campaignId/responses', async (c) => {
    const campaignId = c.req.param('campaignId');
    await requireCampaign(campaignId);
    const query = await parseReportQuery(c, db, campaignId, true);
    const { where, params } = filterSql(campaignId, query);
    const { total, rows } = await inOneSnapshot(db, async (tx) => {
      const [{ total }] = await tx.query<{ total: number }>(`SELECT count(*)::int AS total FROM response_lines l WHERE ${where}`, params);
      return { total, rows: await readReportBatch(tx, campaignId, query, query.after, query.limit + 1) };
    });
    const pageRows = rows.slice(0, query.limit);
    const page: Page<CampaignResponseRow> = {
      items: pageRows.map(toReportRow),
      nextCursor: rows.length > query.limit ? encodeReportCursor(query.sort, pageRows[pageRows.length - 1]) : null,
      total,
    };
    return jsonWithEtag(c, page);
  });

  api.get('/campaigns/:campaignId/responses.csv', async (c) => {
    const campaignId = c.req.param('campaignId');
    await requireCampaign(campaignId);
    const query = await parseReportQuery(c, db, campaignId, false);
    const vocabulary = await readVocabulary(db);
    const details = new Map(vocabulary.details.map((d) => [d.id, d.label]));
    const categories = new Map(vocabulary.categories.map((cat) => [cat.id, cat.label]));
    const events = new Map(
      (await db.query<{ id: string; name: string }>('SELECT id, name FROM campaign_events WHERE campaign_id = $1', [campaignId])).map((e) => [e.id, e.name]),
    );
    // Keyset batches: each read starts after the last row sent, so no cursor or transaction stays
    // open between reads and nothing but one batch is ever held.
    let after: string[] | undefined;
    let done = false;
    const nextBatch = async (): Promise<CsvValue[][] | undefined> => {
      if (done) return undefined;
      const rows = await readReportBatch(db, campaignId, query, after, CSV_BATCH_ROWS);
      if (rows.length < CSV_BATCH_ROWS) done = true;
      if (rows.length === 0) return undefined;
      after = keyOf(query.sort, rows[rows.length - 1]);
      return rows.map((row) => {
        const line = toReportRow(row);
        return [
          line.respondedAt, line.recordedAt, line.recipientId, line.recipientName, line.eventId, events.get(line.eventId) ?? '',
          line.detailId, details.get(line.detailId) ?? line.detailId, categories.get(line.categoryId) ?? line.categoryId,
          line.source, line.note, line.author, line.link?.id, line.link?.url,
          line.evidence ? (line.evidence.machine ? 'yes' : 'no') : '', line.evidence?.machineReason,
          line.evidence?.userAgent, line.evidence?.secondsSinceDelivery, line.id,
        ];
      });
    };
    const safeName = campaignId.replace(/[^A-Za-z0-9_-]/gu, '_').slice(0, 80);
    return new Response(csvStream(CSV_HEADER, nextBatch), {
      status: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': `attachment; filename="${safeName}-responses.csv"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });

  api.get('/campaigns/:campaignId/clickthrough', async (c) => {
    const campaignId = c.req.param('campaignId');
    await requireCampaign(campaignId);
    const eventId = c.req.query('eventId') || undefined;
    const events = await db.query<{ id: string; name: string; channel: string }>(
      'SELECT id, name, channel FROM campaign_events WHERE campaign_id = $1 ORDER BY date NULLS LAST, id',
      [campaignId],
    );
    if (eventId !== undefined && !events.some((e) => e.id === eventId)) throw fieldProblem('eventId', 'is not an event of this campaign');
    const chosen = events.filter((e) => (eventId === undefined ? e.channel === 'email' : e.id === eventId));
    const ids = chosen.map((e) => e.id);
    const links = await db.query<{ event_id: string; id: string; url: string }>(
      'SELECT event_id, id, url FROM event_links WHERE event_id = ANY($1::text[]) ORDER BY position, id',
      [ids],
    );
    const clicks = await db.query<Record<string, unknown>>(
      `SELECT l.event_id, l.link_id, l.link_url, l.recipient_id, r.display_name, l.responded_at, l.evidence_machine, l.evidence_machine_reason
         FROM response_lines l JOIN recipients r ON r.id = l.recipient_id
        WHERE l.campaign_id = $1 AND l.event_id = ANY($2::text[]) AND l.category_id = 'clicked-through' AND l.link_id IS NOT NULL
        ORDER BY l.responded_at, l.id`,
      [campaignId, ids],
    );
    const answer: Clickthrough = {
      campaignId,
      events: chosen.map((event): ClickthroughEvent => {
        const byLink = new Map<string, { url: string; clickers: Clicker[] }>();
        for (const link of links.filter((l) => l.event_id === event.id)) byLink.set(link.id, { url: link.url, clickers: [] });
        for (const click of clicks.filter((row) => row.event_id === event.id)) {
          const linkId = String(click.link_id);
          // A link clicked but no longer registered still shows, with the URL the line recorded.
          if (!byLink.has(linkId)) byLink.set(linkId, { url: String(click.link_url), clickers: [] });
          byLink.get(linkId)?.clickers.push({
            recipientId: String(click.recipient_id),
            recipientName: String(click.display_name),
            clickedAt: toInstant(click.responded_at),
            machine: click.evidence_machine === true,
            machineReason: click.evidence_machine_reason === null ? null : String(click.evidence_machine_reason),
            machineCause: machineCause(click.evidence_machine_reason === null ? null : String(click.evidence_machine_reason)),
          });
        }
        return {
          eventId: event.id,
          name: event.name,
          links: [...byLink].map(([linkId, { url, clickers }]): ClickthroughLink => {
            const human = clickers.filter((k) => !k.machine);
            return {
              linkId,
              url,
              clicks: clickers.length,
              humanClicks: human.length,
              machineClicks: clickers.length - human.length,
              uniqueClickers: new Set(clickers.map((k) => k.recipientId)).size,
              uniqueHumanClickers: new Set(human.map((k) => k.recipientId)).size,
              clickers,
            };
          }),
        };
      }),
    };
    return jsonWithEtag(c, answer);
  });
}
