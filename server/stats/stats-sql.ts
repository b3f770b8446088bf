/**
 * What a campaign's lines count as, in SQL: shared by the live recomputation (stats.ts) and the
 * roll-ups (rollup-sql.ts), so the two cannot drift apart in what a figure means.
 *
 * Counts are of unique recipients. What a line counts as comes from the vocabulary tables: a
 * detail's countsAs flags (responded, lead, purchase, unsubscribe) and bounce kind, and its
 * category for sent, failed and clicked through; Opened is the one detail counted by its id.
 */
/** Filed as a hard bounce by the vocabulary, but nothing was sent (tracking/delivery.ts writes it). */
export const SKIPPED_DETAIL = 'skipped-previous-hard-bounce';

/** Opens and clicks count among delivered messages only: an open of a mail that bounced is not a figure of this campaign. */
export const TRACKED = ['opened', 'opened_human', 'opened_machine', 'clicked', 'clicked_human', 'clicked_machine'] as const;
export const RESPONSES = ['responded', 'lead', 'purchase', 'unsubscribe'] as const;
export type LineFlag = 'hard_line' | 'soft_line' | 'skipped_line' | 'failed_line' | 'sent_line' | (typeof TRACKED)[number] | (typeof RESPONSES)[number];

/**
 * Per recipient and event: what their lines say, as SQL over a line `l` (detail_id, category_id)
 * and its detail `d`. `human` and `machine` say whether the line (or group of lines) has a human or
 * a machine among its tracked hits. The skipped detail is filed as a hard bounce by the vocabulary,
 * but nothing was sent: it is told apart here.
 */
export function lineFlags(l: string, d: string, human: string, machine: string): Record<LineFlag, string> {
  return {
    hard_line: `${d}.bounce = 'hard' AND ${l}.detail_id <> '${SKIPPED_DETAIL}'`,
    soft_line: `${d}.bounce = 'soft'`,
    skipped_line: `${l}.detail_id = '${SKIPPED_DETAIL}'`,
    failed_line: `${l}.category_id = 'failed'`,
    sent_line: `${l}.category_id = 'sent'`,
    opened: `${l}.detail_id = 'opened'`,
    opened_human: `${l}.detail_id = 'opened' AND ${human}`,
    opened_machine: `${l}.detail_id = 'opened' AND ${machine}`,
    clicked: `${l}.category_id = 'clicked-through'`,
    clicked_human: `${l}.category_id = 'clicked-through' AND ${human}`,
    clicked_machine: `${l}.category_id = 'clicked-through' AND ${machine}`,
    // A purchase is a response whatever a vocabulary says, so purchasers are among the responded.
    responded: `${d}.counts_responded OR ${d}.counts_purchase`,
    lead: `${d}.counts_lead`,
    purchase: `${d}.counts_purchase`,
    unsubscribe: `${d}.counts_unsubscribe`,
  };
}

/** The flags of one response line `l` of the table, with its detail `d`. */
export const LINE_FLAGS = lineFlags('l', 'd', 'l.evidence_machine IS NOT TRUE', 'l.evidence_machine');

/**
 * One outcome per message (recipient and event), so that sent = delivered + bounced and bounced =
 * hard + soft hold by construction: a bounce overrides the Sent line it follows; skipped and failed
 * messages were not sent.
 */
export function eventOutcome(flags: Record<LineFlag, string>): string {
  return `CASE WHEN bool_or(${flags.hard_line}) THEN 'hard'
      WHEN bool_or(${flags.soft_line}) THEN 'soft'
      WHEN bool_or(${flags.skipped_line}) THEN 'skipped'
      WHEN bool_or(${flags.failed_line}) THEN 'failed'
      WHEN bool_or(${flags.sent_line}) THEN 'delivered' END`;
}

/**
 * A recipient's outcome over the whole campaign: delivered when any message arrived; else a hard
 * bounce when any bounced hard, else soft; else failed, else skipped.
 */
export const CAMPAIGN_OUTCOME = `CASE WHEN bool_or(outcome = 'delivered') THEN 'delivered'
      WHEN bool_or(outcome = 'hard') THEN 'hard'
      WHEN bool_or(outcome = 'soft') THEN 'soft'
      WHEN bool_or(outcome = 'failed') THEN 'failed'
      WHEN bool_or(outcome = 'skipped') THEN 'skipped' END`;

export type Flag = 'sent' | 'delivered' | 'bounced' | 'hard' | 'soft' | 'failed' | 'skipped' | (typeof TRACKED)[number] | (typeof RESPONSES)[number];
export type Counts = Record<Flag, number>;

/** When a message (or a recipient over the campaign), with its outcome and flags as columns, counts towards each figure. */
export const FIGURE_CONDITIONS: Record<Flag, string> = {
  sent: `outcome IN ('delivered', 'hard', 'soft')`,
  delivered: `outcome = 'delivered'`,
  bounced: `outcome IN ('hard', 'soft')`,
  hard: `outcome = 'hard'`,
  soft: `outcome = 'soft'`,
  failed: `outcome = 'failed'`,
  skipped: `outcome = 'skipped'`,
  ...(Object.fromEntries([...TRACKED, ...RESPONSES].map((name) => [name, name])) as Record<(typeof TRACKED)[number] | (typeof RESPONSES)[number], string>),
};

export const COUNT_NAMES = Object.keys(FIGURE_CONDITIONS) as Flag[];

/**
 * From a `message` relation (one row per message: its outcome and raw_* flags, grouped by `keys`),
 * the per_event and per_recipient relations the figures are counted over. Opens and clicks count
 * on delivered messages only; `keys` are the columns that name a message besides the event.
 */
export function perEventAndRecipient(keys: string): string {
  return `per_event AS (
    SELECT ${keys}, event_id, outcome,
      ${TRACKED.map((name) => `raw_${name} AND outcome = 'delivered' AS ${name}`).join(',\n      ')},
      ${RESPONSES.map((name) => `raw_${name} AS ${name}`).join(', ')}
    FROM message
  ), per_recipient AS (
    SELECT ${keys}, ${CAMPAIGN_OUTCOME} AS outcome,
      ${[...TRACKED, ...RESPONSES].map((name) => `bool_or(${name}) AS ${name}`).join(',\n      ')}
    FROM per_event
    GROUP BY ${keys}
  )`;
}

/** The raw flags of a message, as the aggregate columns of its `message` row. */
export function rawFlagColumns(flags: Record<LineFlag, string>): string {
  return [...TRACKED, ...RESPONSES].map((name) => `bool_or(${flags[name]}) AS raw_${name}`).join(',\n      ');
}
