/**
 * The demo's response lines, drawn from a seeded PRNG and fixed dates around SEED_ANCHOR, so two
 * databases seeded apart hold the same rows. Pure: a test compares them with what was stored.
 */
import type { ResponseSource } from '../../src/model/types.js';
import { DEFAULT_VOCABULARY } from '../../src/model/vocabulary.js';
import { prng } from './prng.js';
import {
  daysFromAnchor,
  HUMAN_AGENTS,
  MACHINE_AGENTS,
  SEED_ANCHOR,
  SEED_AUTHORS,
  SEED_CAMPAIGNS,
  SEED_NOTES,
  SEED_RECIPIENTS,
  type SeedCampaign,
  type SeedEvent,
} from './seed-data.js';

/**
 * Bounces the demo always shows: a soft one, an older event's "Failed – …", and a hard one that
 * makes the next email to the same address be skipped.
 */
const SKIPPED = 'skipped-previous-hard-bounce';
const FORCED_BOUNCES: Record<string, string> = {
  '46:spring-announce': 'mailbox-full',
  '45:newsletter-feb': 'failed-spam',
  '48:expo-invite': 'mailbox-disabled',
  // Drawn as a bounce so that the draws after it stay as they were; skipDeadAddresses makes it the one Skipped line.
  '48:expo-follow-up': SKIPPED,
};

export interface SeedLine {
  id: string;
  recipientId: string;
  campaignId: string;
  eventId: string;
  detailId: string;
  respondedAt: Date;
  recordedAt: Date;
  note: string;
  author: string | null;
  source: ResponseSource;
  link: { id: string; url: string } | null;
  evidence: { userAgent: string; secondsSinceDelivery: number; machine: boolean; machineReason: string | null } | null;
}

/** Builds the demo's response lines; pure, so a test can compare it with what was stored. */
export function seedResponseLines(seed = 20260601): SeedLine[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const uuid = () => {
    const hex = Array.from({ length: 4 }, () => Math.floor(random() * 4_294_967_296).toString(16).padStart(8, '0')).join('');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  const lines: SeedLine[] = [];
  const add = (base: Omit<SeedLine, 'id' | 'recordedAt' | 'note' | 'author' | 'link' | 'evidence'> & Partial<SeedLine>) => {
    const manual = base.source === 'manual';
    // People type a line in minutes to a day after it happened; tracking stores it within seconds.
    const delayMs = manual ? between(5, 1440) * 60_000 : between(1, 30) * 1000;
    const recordedAt = base.recordedAt ?? new Date(base.respondedAt.getTime() + delayMs);
    // The demo shows a past; an open days after a late send would land after the anchor.
    if (base.respondedAt.getTime() > SEED_ANCHOR) return;
    lines.push({ id: uuid(), note: '', author: null, link: null, evidence: null, ...base, recordedAt });
  };
  const manualLine = (campaign: SeedCampaign, event: SeedEvent, recipientId: string, detailId: string, at: Date) =>
    add({ recipientId, campaignId: campaign.id, eventId: event.id, detailId, respondedAt: at, source: 'manual',
      note: pick(SEED_NOTES[detailId] ?? ['']), author: pick(SEED_AUTHORS) });

  for (const campaign of SEED_CAMPAIGNS) {
    for (const recipientId of campaign.recipients) {
      const recipient = SEED_RECIPIENTS.find((r) => r.id === recipientId);
      for (const event of campaign.events) {
        if (event.day === null || event.day > 0 || !recipient) continue;
        const start = daysFromAnchor(event.day);
        const at = (minutesLater: number) => new Date(start.getTime() + Math.round(minutesLater) * 60_000);
        const line = { recipientId, campaignId: campaign.id, eventId: event.id };
        if (event.channel === 'email') {
          if (!recipient.email) continue;
          const sentAt = at(between(0, 45));
          add({ ...line, detailId: 'sent', respondedAt: sentAt, source: 'tracked' });
          const after = (seconds: number) => new Date(sentAt.getTime() + seconds * 1000);
          const forced = FORCED_BOUNCES[`${recipientId}:${event.id}`];
          if (forced) {
            add({ ...line, detailId: forced, respondedAt: after(between(5, 600)), source: 'tracked' });
            continue;
          }
          if (random() < 0.1) {
            const bounces = event.legacyEmail
              ? ['failed-delivery-failure', 'failed-spam', 'mailbox-full']
              : ['mailbox-full', 'mailbox-disabled', 'network-server-issues', 'mailbox-not-accepting'];
            add({ ...line, detailId: pick(bounces), respondedAt: after(between(5, 600)), source: 'tracked' });
            continue;
          }
          if (random() < 0.35) {
            const proxy = pick(MACHINE_AGENTS.slice(0, 2));
            const seconds = between(1, 4);
            add({ ...line, detailId: 'opened', respondedAt: after(seconds), source: 'tracked',
              evidence: { userAgent: proxy.userAgent, secondsSinceDelivery: seconds, machine: true, machineReason: proxy.reason } });
          }
          const opens = between(0, 7);
          const userAgent = pick(HUMAN_AGENTS);
          let seconds = 0;
          for (let i = 0; i < opens; i += 1) {
            seconds += between(300, 90_000);
            add({ ...line, detailId: 'opened', respondedAt: after(seconds), source: 'tracked',
              evidence: { userAgent, secondsSinceDelivery: seconds, machine: false, machineReason: null } });
            if (event.links && random() < 0.5) {
              const clickSeconds = seconds + between(5, 240);
              add({ ...line, detailId: 'clicked-through', respondedAt: after(clickSeconds), source: 'tracked', link: pick(event.links),
                evidence: { userAgent, secondsSinceDelivery: clickSeconds, machine: false, machineReason: null } });
            }
          }
          if (event.links && random() < 0.15) {
            const scanner = pick(MACHINE_AGENTS.slice(2));
            add({ ...line, detailId: 'clicked-through', respondedAt: after(3), source: 'tracked', link: event.links[0],
              evidence: { userAgent: scanner.userAgent, secondsSinceDelivery: 3, machine: true, machineReason: scanner.reason } });
          }
          if (opens > 0 && random() < 0.3) {
            manualLine(campaign, event, recipientId, pick(['responded', 'responded', 'purchased', 'subscribed']), after(seconds + between(600, 172_800)));
          }
          if (random() < 0.03) add({ ...line, detailId: 'unsubscribed-feedback-loop', respondedAt: after(between(3600, 400_000)), source: 'tracked' });
        } else if (event.channel === 'direct-mail') {
          add({ ...line, detailId: 'sent', respondedAt: at(0), source: 'import', author: 'Mail house import' });
          if (random() < 0.5) manualLine(campaign, event, recipientId, 'received', at(between(3, 8) * 1440));
          if (random() < 0.35) manualLine(campaign, event, recipientId, 'responded', at(between(9, 20) * 1440));
          if (random() < 0.2) manualLine(campaign, event, recipientId, 'purchased', at(between(21, 30) * 1440));
        } else {
          // Phone calls and events: everything is typed in by the person who was there.
          const outcomes = event.channel === 'phone' ? ['responded', 'purchased', 'unsubscribed'] : ['responded', 'purchased', 'subscribed'];
          if (random() < 0.8) manualLine(campaign, event, recipientId, outcomes[0], at(between(0, 480)));
          if (random() < 0.3) manualLine(campaign, event, recipientId, outcomes[1], at(between(500, 4000)));
          if (random() < 0.12) manualLine(campaign, event, recipientId, outcomes[2], at(between(60, 600)));
        }
      }
    }
  }
  // Two lines of one minute, recorded together: only the id orders them, as compareNewestFirst does.
  const tie = daysFromAnchor(-75, 16);
  for (const detailId of ['responded', 'purchased']) {
    add({ recipientId: '42', campaignId: 'renewal-calls', eventId: 'renewal-round-1', detailId, respondedAt: tie,
      recordedAt: new Date(tie.getTime() + 600_000), source: 'manual', author: 'Dana Whitfield',
      note: detailId === 'purchased' ? 'Renewed on the same call, 3-year term.' : 'Reached on the second try.' });
  }
  return skipDeadAddresses(lines);
}

/**
 * A hard bounce means the address is dead: the send skips it from then on (server/delivery.ts), in
 * every campaign. The generator above draws each campaign alone, so an email event after another
 * campaign's hard bounce got a Sent line and opens; here such a message becomes what the send would
 * have made of it, one Skipped line, and the tracked lines that only a delivered mail has go. What
 * a person typed in stays.
 */
function skipDeadAddresses(lines: SeedLine[]): SeedLine[] {
  const emailEvents = new Set(SEED_CAMPAIGNS.flatMap((c) => c.events.filter((e) => e.channel === 'email').map((e) => e.id)));
  const hardBounces = new Set(DEFAULT_VOCABULARY.details.filter((d) => d.bounce === 'hard' && d.id !== SKIPPED).map((d) => d.id));
  const deadSince = new Map<string, number>();
  for (const line of lines) {
    if (!hardBounces.has(line.detailId)) continue;
    const at = line.respondedAt.getTime();
    deadSince.set(line.recipientId, Math.min(at, deadSince.get(line.recipientId) ?? at));
  }
  const skipped = new Set<string>();
  for (const line of lines) {
    const dead = deadSince.get(line.recipientId);
    if (line.detailId === 'sent' && emailEvents.has(line.eventId) && dead !== undefined && line.respondedAt.getTime() > dead) {
      skipped.add(`${line.recipientId}:${line.eventId}`);
    }
  }
  const result: SeedLine[] = [];
  for (const line of lines) {
    if (!skipped.has(`${line.recipientId}:${line.eventId}`) || line.source === 'manual') result.push(line);
    else if (line.detailId === 'sent') result.push({ ...line, detailId: SKIPPED });
  }
  return result;
}
