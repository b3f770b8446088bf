import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v from 'valibot';
import {
  DEFAULT_VOCABULARY,
  deriveStats,
  latestResponseByCampaign,
  manualDetailsByCategory,
  NewResponseLineSchema,
  ResponseVocabularySchema,
  type ResponseLine,
} from '../../src/model/index.js';

test('the default vocabulary has 10 categories and 27 details, each in a known category', () => {
  assert.equal(DEFAULT_VOCABULARY.categories.length, 10);
  assert.equal(DEFAULT_VOCABULARY.details.length, 27);
  const categoryIds = new Set(DEFAULT_VOCABULARY.categories.map((c) => c.id));
  for (const detail of DEFAULT_VOCABULARY.details) assert.ok(categoryIds.has(detail.categoryId), detail.id);
  assert.equal(new Set(DEFAULT_VOCABULARY.details.map((d) => d.id)).size, 27, 'detail ids are unique');
  assert.ok(v.is(ResponseVocabularySchema, DEFAULT_VOCABULARY));
});

test('hand-enterable details depend on the event: email-only and older-email-only are filtered out', () => {
  const ids = (channel: string, legacyEmail: boolean) =>
    manualDetailsByCategory(DEFAULT_VOCABULARY, { channel, legacyEmail }).flatMap((g) => g.details.map((d) => d.id));
  const phone = ids('phone', false);
  assert.deepEqual(phone.sort(), ['purchased', 'received', 'responded', 'subscribed', 'unsubscribed']);
  assert.ok(!ids('email', false).includes('opened'), 'tracked-only details are never offered by hand');
  for (const id of ids('email', true)) assert.ok(!id.startsWith('failed-'), 'Failed details are tracked, not typed');
});

test('bounce details say hard or soft; Failed details exist only on older email events', () => {
  const bounced = DEFAULT_VOCABULARY.details.filter((d) => d.categoryId === 'bounced');
  assert.equal(bounced.length, 11);
  for (const d of bounced) assert.ok(d.bounce === 'hard' || d.bounce === 'soft', d.id);
  const failed = DEFAULT_VOCABULARY.details.filter((d) => d.categoryId === 'failed');
  assert.equal(failed.length, 6);
  for (const d of failed) assert.ok(d.legacyEmailOnly && d.channelScope === 'email', d.id);
});

test('derived statistics: profit, ROI, cost per lead and purchaser', () => {
  const stats = deriveStats({ baseCost: 1000, eventCosts: [250, null, 250], revenue: 6000, leads: 30, purchasers: 4 });
  assert.deepEqual(stats.totalCost, { available: true, value: 1500 });
  assert.deepEqual(stats.profit, { available: true, value: 4500 });
  assert.deepEqual(stats.roi, { available: true, value: 300 });
  assert.deepEqual(stats.costPerLead, { available: true, value: 50 });
  assert.deepEqual(stats.costPerPurchaser, { available: true, value: 375 });
});

test('a ratio with a zero or missing divisor is not available, with its reason, never Infinity or NaN', () => {
  const noCost = deriveStats({ baseCost: null, eventCosts: [null], revenue: 100, leads: 3, purchasers: 0 });
  assert.deepEqual(noCost.totalCost, { available: false, reason: 'no-cost' });
  assert.deepEqual(noCost.roi, { available: false, reason: 'no-cost' });
  assert.deepEqual(noCost.costPerLead, { available: false, reason: 'no-cost' });
  const zeroCost = deriveStats({ baseCost: 0, eventCosts: [], revenue: 100, leads: 0, purchasers: 0 });
  assert.deepEqual(zeroCost.profit, { available: true, value: 100 });
  assert.deepEqual(zeroCost.roi, { available: false, reason: 'no-cost' });
  assert.deepEqual(zeroCost.costPerLead, { available: false, reason: 'no-leads' });
  assert.deepEqual(zeroCost.costPerPurchaser, { available: false, reason: 'no-purchasers' });
  const noRevenue = deriveStats({ baseCost: 10, eventCosts: [], revenue: null, leads: 1, purchasers: 1 });
  assert.deepEqual(noRevenue.profit, { available: false, reason: 'no-revenue' });
  assert.deepEqual(noRevenue.costPerLead, { available: true, value: 10 });
});

test('the most recent response per campaign is by the instant it happened, not the order it arrived', () => {
  const line = (id: string, campaignId: string, respondedAt: string, recordedAt = respondedAt): ResponseLine => ({
    id, recipientId: 'r1', campaignId, eventId: `${campaignId}-e1`, detailId: 'responded', categoryId: 'responded',
    respondedAt, recordedAt, note: '', author: null, source: 'manual', link: null, evidence: null,
  });
  const latest = latestResponseByCampaign([
    line('a', 'c1', '2026-03-01T10:00:00Z'),
    line('b', 'c1', '2026-03-01T09:00:00+02:00'),
    line('c', 'c1', '2026-02-28T23:00:00-12:00'), // 2026-03-01T11:00Z: the newest
    line('d', 'c2', '2026-01-01T00:00:00Z'),
  ]);
  assert.equal(latest.get('c1')?.id, 'c');
  assert.equal(latest.get('c2')?.id, 'd');
});

test('a new line must carry a real instant with a zone and a note within 4,000 characters', () => {
  const base = {
    id: '0b7f1a52-6a3e-4c1e-9a57-2d9e0c6f1b11', recipientId: 'r1', campaignId: 'c1', eventId: 'e1',
    detailId: 'responded', respondedAt: '2026-03-01T10:00:00Z', note: '',
  };
  assert.ok(v.is(NewResponseLineSchema, base));
  assert.ok(!v.is(NewResponseLineSchema, { ...base, respondedAt: '2026-03-01 10:00' }), 'no zone');
  assert.ok(!v.is(NewResponseLineSchema, { ...base, respondedAt: '2026-02-30T10:00:00Z' }), 'no such day');
  assert.ok(!v.is(NewResponseLineSchema, { ...base, respondedAt: 'yesterday' }));
  assert.ok(!v.is(NewResponseLineSchema, { ...base, note: 'x'.repeat(4001) }));
  assert.ok(!v.is(NewResponseLineSchema, { ...base, id: 'not-a-uuid' }));
});
