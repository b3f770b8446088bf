/**
 * The reads that check a new line's references (recipient, campaign, event, vocabulary), each
 * remembered for the life of one object: a batch of a thousand lines for one event at a booth reads
 * the event, the campaign and the vocabulary once, not a thousand times. Made per transaction, so
 * nothing outlives what it read.
 */
import type { CampaignEvent, Recipient, ResponseVocabulary } from '../../src/model/types.js';
import type { Queryable } from '../db/db.js';
import { campaignExists, campaignSentTo, findEvent, findRecipient, readVocabulary } from '../db/repo.js';

export interface ReferenceLookups {
  recipient(id: string): Promise<Recipient | undefined>;
  campaignExists(campaignId: string): Promise<boolean>;
  campaignSentTo(recipientId: string, campaignId: string): Promise<boolean>;
  /** The campaign's earliest dated event, if any (how early a response may be). */
  firstDatedEvent(campaignId: string): Promise<{ name: string; date: string } | undefined>;
  event(id: string): Promise<CampaignEvent | undefined>;
  vocabulary(): Promise<ResponseVocabulary>;
}

function remembered<V>(load: (key: string) => Promise<V>): (key: string) => Promise<V> {
  const cache = new Map<string, Promise<V>>();
  return (key) => {
    let value = cache.get(key);
    if (!value) cache.set(key, (value = load(key)));
    return value;
  };
}

export function referenceLookups(tx: Queryable): ReferenceLookups {
  const vocabulary = remembered(() => readVocabulary(tx));
  const sentTo = remembered((pair) => {
    const [recipientId, campaignId] = JSON.parse(pair) as [string, string];
    return campaignSentTo(tx, recipientId, campaignId);
  });
  return {
    recipient: remembered((id) => findRecipient(tx, id)),
    campaignExists: remembered((id) => campaignExists(tx, id)),
    campaignSentTo: (recipientId, campaignId) => sentTo(JSON.stringify([recipientId, campaignId])),
    firstDatedEvent: remembered(async (campaignId) => {
      const [first] = await tx.query<{ name: string; date: Date | string }>(
        'SELECT name, date FROM campaign_events WHERE campaign_id = $1 AND date IS NOT NULL ORDER BY date LIMIT 1',
        [campaignId],
      );
      return first && { name: first.name, date: new Date(first.date).toISOString() };
    }),
    event: remembered((id) => findEvent(tx, id)),
    vocabulary: () => vocabulary(''),
  };
}
