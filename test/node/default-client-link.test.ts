// configureCampaignKit() called again (a host signing in as someone else, or switching backends):
// the campaign side's default client takes the new data client's writes as this page's own and lets
// go of the old one's, which no longer speaks for the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CampaignReportsAdapter } from '../../src/adapter/types.js';
import { configureCampaignKit, resetCampaignKit } from '../../src/data/configure.js';
import type { CampaignDataClient } from '../../src/data/data-client.js';
import { getDefaultReportsClient } from '../../src/data/reports-configure.js';

/** A data client as the campaign side sees it, counting who listens to it. */
function listenedClient(): { client: CampaignDataClient; listeners: () => number } {
  let listeners = 0;
  const client = {
    subscribe: () => {
      listeners += 1;
      return () => {
        listeners -= 1;
      };
    },
    isOwnWrite: () => false,
  };
  return { client: client as unknown as CampaignDataClient, listeners: () => listeners };
}

test('a second configureCampaignKit() moves the campaign side link from the old data client to the new one', () => {
  const reportsAdapter = {} as CampaignReportsAdapter;
  const first = listenedClient();
  const second = listenedClient();
  try {
    configureCampaignKit({ client: first.client, reportsAdapter });
    const reports = getDefaultReportsClient();
    assert.ok(reports);
    assert.equal(first.listeners(), 1, 'linked to the configured client');
    assert.equal(getDefaultReportsClient(), reports, 'the same campaign-side client when asked again');
    assert.equal(first.listeners(), 1, 'asking again does not link twice');

    configureCampaignKit({ client: second.client, reportsAdapter });
    assert.equal(getDefaultReportsClient(), reports, 'one campaign-side client per source');
    assert.equal(second.listeners(), 1, 'linked to the new client');
    assert.equal(first.listeners(), 0, 'the old client is let go');
  } finally {
    resetCampaignKit();
  }
});
