/** GET /changes, the live feed (Server-Sent Events): its path and the data its events carry. */
import { CHANGE_KINDS } from '../live/change-log.js';
import { id, nullable, object, ref, response } from './openapi-schema.js';

const eventId = { type: 'integer', minimum: 0, description: 'The change log id; what Last-Event-ID names.' };

export const changeSchemas = {
  Change: object({
    id: eventId,
    kind: { enum: [...CHANGE_KINDS] },
    recipientId: { ...nullable(id), description: 'Null only for stats-changed.' },
    campaignId: id,
    lineId: { ...nullable({ type: 'string', format: 'uuid' }), description: 'Null only for stats-changed.' },
    at: ref('Instant'),
    line: {
      ...nullable(ref('ResponseLine')),
      description: 'For line-added, line-updated, line-restored, tracked-open and tracked-click: the line as it is now; null when deleted or purged since.',
    },
  }, ['id', 'kind', 'recipientId', 'campaignId', 'lineId', 'at']),
};

const query = (name: string, description: string, schema: object = id) => ({ name, in: 'query', required: false, description, schema });

export const changePaths = {
  '/changes': {
    get: {
      operationId: 'getChanges',
      summary: 'The change feed of a recipient and/or a campaign, as Server-Sent Events. Needs `read`.',
      description: [
        'Send the bearer token in the Authorization header (read it with fetch; EventSource cannot send one). At least one of recipientId and campaignId.',
        'Events: `ready` (first; `id` is where the stream starts, data {lastId, resumed}); `change` (data: a Change, `id` its log id);',
        '`reset` (instead of `ready` when Last-Event-ID is older than the log reaches back (reason `pruned`) or was never handed out',
        '(`unknown-id`): reload in full, the stream goes on from data.lastId); `expired` (last, when the token expires: resume with a fresh',
        'token and Last-Event-ID). An idle stream sends a comment line (`: heartbeat`) every CR_SSE_HEARTBEAT_MS (15 s).',
        'A reader that takes nothing for CR_SSE_WRITE_TIMEOUT_MS (30 s) is disconnected; it resumes from its last id.',
        'More than CR_SSE_MAX_PER_PRINCIPAL (6) open streams of one principal on one instance: 429.',
        'The reads a live page shows answer Last-Change-Id: a first stream opened with it as Last-Event-ID misses nothing changed since those reads.',
      ].join(' '),
      parameters: [
        query('recipientId', 'Changes to this recipient’s lines.'),
        query('campaignId', 'Changes to this campaign’s lines, and its statistics.'),
        query('lastEventId', 'Resume after this id (as the Last-Event-ID header, which wins when both are sent).', { type: 'string', pattern: '^[0-9]{1,15}$' }),
        { name: 'Last-Event-ID', in: 'header', required: false, description: 'Resume after this id.', schema: { type: 'string', pattern: '^[0-9]{1,15}$' } },
      ],
      responses: {
        '200': {
          description: 'The stream (text/event-stream); each `change` event’s data is a Change (JSON).',
          content: { 'text/event-stream': { schema: { type: 'string' }, 'x-event-data': ref('Change') } },
        },
        '401': response('Unauthorized'),
        '500': response('InternalError'),
      },
    },
  },
};
