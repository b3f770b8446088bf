import { expect } from '@open-wc/testing';
import { toZonedLocal, zonedLocalToInstant } from '../../src/i18n/datetime.js';
import { t, tPlural } from '../../src/i18n/t.js';

describe('i18n: zoned date and time, strings', () => {
  it('turns a wall-clock time into the instant of that zone, in winter and summer', () => {
    expect(zonedLocalToInstant('2026-01-10T09:00', 'Europe/Berlin')).to.equal('2026-01-10T08:00:00.000Z');
    expect(zonedLocalToInstant('2026-07-10T09:00', 'Europe/Berlin')).to.equal('2026-07-10T07:00:00.000Z');
    expect(zonedLocalToInstant('2026-07-10T09:00', 'Asia/Kolkata')).to.equal('2026-07-10T03:30:00.000Z');
  });

  it('takes the earlier instant in a fall-back overlap and moves a spring-forward gap time forward', () => {
    // Berlin, 2026-10-25: 02:30 happens twice (CEST, then CET).
    expect(zonedLocalToInstant('2026-10-25T02:30', 'Europe/Berlin')).to.equal('2026-10-25T00:30:00.000Z');
    // Berlin, 2026-03-29: 02:30 does not exist; clocks jump from 02:00 to 03:00.
    expect(zonedLocalToInstant('2026-03-29T02:30', 'Europe/Berlin')).to.equal('2026-03-29T01:30:00.000Z');
  });

  it('refuses what is not a datetime-local value or not a real date', () => {
    expect(zonedLocalToInstant('10/01/2026 09:00', 'UTC')).to.equal(null);
    expect(zonedLocalToInstant('2026-02-30T09:00', 'UTC')).to.equal(null);
  });

  it('keeps a year below 100 as typed (Date.UTC would read 0026 as 1926)', () => {
    expect(zonedLocalToInstant('0026-11-20T10:00', 'UTC')).to.equal('0026-11-20T10:00:00.000Z');
    expect(zonedLocalToInstant('0001-01-01T00:00', 'UTC')).to.equal('0001-01-01T00:00:00.000Z');
    expect(toZonedLocal(Date.parse('0026-11-20T10:00:00.000Z'), 'UTC')).to.equal('0026-11-20T10:00');
  });

  it('round-trips with toZonedLocal', () => {
    const ms = Date.parse('2026-05-05T22:15:00.000Z');
    expect(toZonedLocal(ms, 'America/Los_Angeles')).to.equal('2026-05-05T15:15');
    expect(zonedLocalToInstant(toZonedLocal(ms, 'America/Los_Angeles'), 'America/Los_Angeles')).to.equal('2026-05-05T22:15:00.000Z');
  });

  it('fills parameters and picks plural forms', () => {
    expect(t('tab.updateStatusFor', { event: 'Webinar' })).to.equal('Update Status: Webinar');
    expect(tPlural('tab.deleted', 1, { campaign: 'X' })).to.equal('Deleted 1 response to X.');
    expect(tPlural('tab.deleted', 3, { campaign: 'X' })).to.equal('Deleted 3 responses to X.');
  });
});
