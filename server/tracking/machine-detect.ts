/**
 * Whether a tracked open or click looks like a machine, and why. Mail privacy proxies fetch every
 * image as the mail arrives (an "open" nobody made); security gateways follow every link within
 * seconds of delivery (a "click" nobody made). The line is still recorded, with the reason, so a
 * report can leave machines out or show them apart.
 */
import type { MachineCause, MachineCauseCode } from '../../src/model/types.js';

export interface Judgement {
  machine: boolean;
  reason: string | null;
}

/** An open this soon after delivery is a pre-fetch: nobody reads a mail within 2 seconds of it arriving. */
export const OPEN_PREFETCH_SECONDS = 2;
/** A click this soon after delivery is a link check: a person needs longer to open, read and click. */
export const CLICK_SCAN_SECONDS = 10;
/** Two clicks by one recipient on one mail closer than this are faster than a person moves. */
export const CLICK_BURST_SECONDS = 2;

const IMAGE_PROXIES: [RegExp, string][] = [
  [/GoogleImageProxy|ggpht\.com/iu, 'Image proxy pre-fetch (Google)'],
  [/YahooMailProxy/iu, 'Image proxy pre-fetch (Yahoo)'],
  [/Outlook-iOS|OutlookImageProxy|ms-office.*Proxy/iu, 'Image proxy pre-fetch (Microsoft)'],
];

const LINK_SCANNERS: [RegExp, string][] = [
  [/SafeLinks|Microsoft Defender|BingPreview/iu, 'Link scanner (Microsoft Defender Safe Links)'],
  [/Barracuda/iu, 'Security gateway link check (Barracuda)'],
  [/Proofpoint|urldefense/iu, 'Security gateway link check (Proofpoint)'],
  [/Mimecast/iu, 'Security gateway link check (Mimecast)'],
  [/HeadlessChrome|PhantomJS|python-requests|curl\/|Wget|Go-http-client|okhttp|libwww|bot\b|crawler|spider/iu, 'Automated client (not a browser)'],
];

const seconds = (value: number) => `${Math.round(value * 10) / 10} s`;

/**
 * Apple Mail Privacy Protection fetches through Apple's proxies with a bare "Mozilla/5.0" agent; a
 * mail client that a person uses sends a full one.
 */
const BARE_AGENT = /^Mozilla\/5\.0$/u;

export function judgeOpen(userAgent: string | null, secondsSinceDelivery: number | null): Judgement {
  if (!userAgent) return { machine: true, reason: 'No user agent: not a mail client a person reads with' };
  for (const [pattern, reason] of IMAGE_PROXIES) if (pattern.test(userAgent)) return { machine: true, reason };
  if (BARE_AGENT.test(userAgent.trim())) {
    return { machine: true, reason: 'Bare "Mozilla/5.0" agent: privacy proxy pre-fetch (Apple Mail Privacy Protection)' };
  }
  if (secondsSinceDelivery !== null && secondsSinceDelivery < OPEN_PREFETCH_SECONDS) {
    return { machine: true, reason: `Opened ${seconds(secondsSinceDelivery)} after delivery: a proxy pre-fetching images` };
  }
  return { machine: false, reason: null };
}

export function judgeClick(
  userAgent: string | null,
  secondsSinceDelivery: number | null,
  /** Seconds since this recipient's previous click on the same mail, if any. */
  secondsSincePreviousClick: number | null,
): Judgement {
  if (!userAgent) return { machine: true, reason: 'No user agent: not a browser a person clicks in' };
  for (const [pattern, reason] of LINK_SCANNERS) if (pattern.test(userAgent)) return { machine: true, reason };
  if (secondsSinceDelivery !== null && secondsSinceDelivery < CLICK_SCAN_SECONDS) {
    return { machine: true, reason: `Clicked ${seconds(secondsSinceDelivery)} after delivery: a security scanner checking links` };
  }
  if (secondsSincePreviousClick !== null && secondsSincePreviousClick < CLICK_BURST_SECONDS) {
    return { machine: true, reason: `Clicked ${seconds(secondsSincePreviousClick)} after the previous click: faster than a person, a scanner following every link` };
  }
  return { machine: false, reason: null };
}

/**
 * The reason as a code and its values, beside the English text, so a client can say it in the page's
 * language. Read from the stored text (lines recorded before codes existed have the same wording);
 * null for a reason this server never writes.
 */
export function machineCause(reason: string | null): MachineCause | null {
  if (!reason) return null;
  for (const [code, pattern] of CAUSE_PATTERNS) {
    const match = pattern.exec(reason);
    if (!match) continue;
    const value = match[1];
    if (value === undefined) return { code };
    return /^\d+(?:\.\d+)?$/u.test(value) ? { code, seconds: Number(value) } : { code, vendor: value };
  }
  return null;
}

/** Tried in order: Apple's proxy before "opened too soon" (the demo's wording names both). */
const CAUSE_PATTERNS: [MachineCauseCode, RegExp][] = [
  ['no-user-agent', /^No user agent/u],
  ['image-proxy', /^Image proxy pre-fetch \((.+)\)$/u],
  ['apple-privacy-proxy', /Apple Mail Privacy Protection/u],
  ['opened-too-soon', /^Opened ([\d.]+) s(?:econds?)? after delivery/u],
  ['link-scanner', /^Link scanner \((.+)\)$/u],
  ['security-gateway', /^Security gateway link check(?: \((.+)\))?$/u],
  ['automated-client', /^Automated client/u],
  ['click-burst', /^Clicked ([\d.]+) s after the previous click/u],
  ['clicked-too-soon', /^Clicked ([\d.]+) s after delivery/u],
];
