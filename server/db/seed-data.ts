/**
 * The demo's fixed records. Dates are days relative to SEED_ANCHOR (2026-06-01), so the data spans
 * the months before it and a test can rely on every value.
 */
import type { CampaignEventStatus, Channel } from '../../src/model/types.js';

export const SEED_ANCHOR = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;
export const daysFromAnchor = (days: number, hourUtc = 14) => new Date(SEED_ANCHOR + days * DAY + hourUtc * 3_600_000);

export interface SeedRecipient {
  id: string;
  displayName: string;
  email: string | null;
  timeZone: string;
}

export const SEED_RECIPIENTS: SeedRecipient[] = [
  { id: '42', displayName: 'Maya Thompson', email: 'maya.thompson@northwind-outfitters.example', timeZone: 'America/New_York' },
  { id: '43', displayName: 'Jonas Weber', email: 'j.weber@kraftwerk-logistik.example', timeZone: 'Europe/Berlin' },
  { id: '44', displayName: 'Haruka Sato', email: 'haruka.sato@sakura-devices.example', timeZone: 'Asia/Tokyo' },
  { id: '45', displayName: 'Liam O’Connor', email: 'liam.oconnor@southerncross-retail.example', timeZone: 'Australia/Sydney' },
  { id: '46', displayName: 'Sofía Ramírez', email: 'sofia@pacific-brewing.example', timeZone: 'America/Los_Angeles' },
  { id: '47', displayName: 'Priya Raman', email: 'priya.raman@lotus-analytics.example', timeZone: 'Asia/Kolkata' },
  { id: '48', displayName: 'Élodie Martin', email: 'elodie.martin@atelier-lumiere.example', timeZone: 'Europe/Paris' },
  // Reached by phone and post only: no email address on file.
  { id: '49', displayName: 'Tomás Herrera', email: null, timeZone: 'America/Mexico_City' },
];

export interface SeedEvent {
  id: string;
  name: string;
  channel: Channel;
  day: number | null;
  status: CampaignEventStatus;
  cost: number | null;
  /** Revenue attributed to the event (orders with its code, deals it sourced); null when none entered. */
  revenue?: number | null;
  legacyEmail?: boolean;
  /** The links of an email event, which tracking records clicks on. */
  links?: { id: string; url: string }[];
}

export interface SeedCampaign {
  id: string;
  title: string;
  currency: 'USD' | 'EUR';
  baseCost: number | null;
  expectedRevenue: number | null;
  recipients: string[];
  events: SeedEvent[];
}

const link = (id: string, url: string) => ({ id, url });

export const SEED_CAMPAIGNS: SeedCampaign[] = [
  {
    id: 'spring-launch-2026', title: 'Spring Product Launch 2026', currency: 'USD', baseCost: 2500, expectedRevenue: 48000,
    recipients: ['42', '43', '44', '45', '46', '47'],
    events: [
      { id: 'spring-announce', name: 'Launch announcement email', channel: 'email', day: -110, status: 'completed', cost: 350, revenue: 21400,
        links: [link('product-page', 'https://shop.example.com/x200?utm_campaign=spring26'), link('pricing', 'https://shop.example.com/pricing?utm_campaign=spring26')] },
      { id: 'spring-reminder', name: 'Early-bird reminder email', channel: 'email', day: -96, status: 'completed', cost: 150, revenue: 9850,
        links: [link('early-bird', 'https://shop.example.com/early-bird?utm_campaign=spring26')] },
      // Written but not sent yet: the demo's "send this email event" (undated, so the seed's lines and order stay).
      { id: 'spring-last-chance', name: 'Last-chance offer email', channel: 'email', day: null, status: 'planned', cost: 120,
        links: [link('offer', 'https://shop.example.com/x200/offer?utm_campaign=spring26'), link('compare', 'https://shop.example.com/compare?utm_campaign=spring26'), link('contact', 'https://www.example.com/contact-sales')] },
    ],
  },
  {
    id: 'newsletter-legacy', title: 'Customer Newsletter (classic mailer)', currency: 'USD', baseCost: 300, expectedRevenue: 6000,
    recipients: ['42', '43', '45', '47', '48'],
    events: [
      { id: 'newsletter-jan', name: 'January newsletter', channel: 'email', day: -140, status: 'completed', cost: 90, revenue: 1200, legacyEmail: true,
        links: [link('blog', 'https://www.example.com/blog/2026-outlook')] },
      { id: 'newsletter-feb', name: 'February newsletter', channel: 'email', day: -112, status: 'completed', cost: 90, revenue: 2650, legacyEmail: true,
        links: [link('case-study', 'https://www.example.com/customers/lotus-analytics')] },
    ],
  },
  {
    id: 'catalog-q1', title: 'Q1 Printed Catalog', currency: 'EUR', baseCost: 8000, expectedRevenue: 65000,
    recipients: ['43', '48', '49', '46'],
    events: [
      { id: 'catalog-drop', name: 'Catalog mail drop', channel: 'direct-mail', day: -130, status: 'completed', cost: 12400, revenue: 38200 },
      { id: 'catalog-postcard', name: 'Follow-up postcard', channel: 'direct-mail', day: -105, status: 'completed', cost: 2100, revenue: 11900 },
    ],
  },
  {
    id: 'renewal-calls', title: 'Annual Renewal Calls', currency: 'USD', baseCost: 1200, expectedRevenue: 90000,
    recipients: ['42', '44', '46', '49'],
    events: [
      { id: 'renewal-round-1', name: 'Renewal calls, round 1', channel: 'phone', day: -75, status: 'completed', cost: 1800, revenue: 52000 },
      { id: 'renewal-round-2', name: 'Renewal calls, round 2', channel: 'phone', day: -40, status: 'completed', cost: 1100, revenue: 31500 },
    ],
  },
  {
    id: 'expo-berlin', title: 'Industry Expo Berlin 2026', currency: 'EUR', baseCost: 5000, expectedRevenue: 120000,
    recipients: ['43', '44', '47', '48', '42'],
    events: [
      { id: 'expo-invite', name: 'Booth invitation email', channel: 'email', day: -52, status: 'completed', cost: 200, revenue: 4800,
        links: [link('ticket', 'https://expo.example.com/tickets?code=BOOTH-B12'), link('meeting', 'https://www.example.com/book-a-meeting')] },
      { id: 'expo-booth', name: 'Trade show booth B12', channel: 'event', day: -38, status: 'completed', cost: 18500, revenue: 86000 },
      { id: 'expo-follow-up', name: 'Post-show follow-up email', channel: 'email', day: -31, status: 'completed', cost: 120, revenue: 14200,
        links: [link('slides', 'https://www.example.com/expo-2026/slides.pdf')] },
    ],
  },
  {
    id: 'apac-roadshow', title: 'APAC Customer Roadshow', currency: 'USD', baseCost: 9000, expectedRevenue: 75000,
    recipients: ['44', '45', '47'],
    events: [
      { id: 'roadshow-tokyo', name: 'Roadshow Tokyo', channel: 'event', day: -62, status: 'completed', cost: 14000, revenue: 31000 },
      { id: 'roadshow-sydney', name: 'Roadshow Sydney', channel: 'event', day: -55, status: 'completed', cost: 12500, revenue: 24500 },
      { id: 'roadshow-calls', name: 'Roadshow follow-up calls', channel: 'phone', day: -45, status: 'completed', cost: 600, revenue: 9800 },
    ],
  },
  {
    id: 'webinar-analytics', title: 'Analytics Webinar Series', currency: 'USD', baseCost: 1500, expectedRevenue: null,
    recipients: ['42', '45', '46', '47', '48'],
    events: [
      { id: 'webinar-invite', name: 'Webinar invitation email', channel: 'email', day: -24, status: 'completed', cost: 80,
        links: [link('register', 'https://events.example.com/webinars/analytics-101/register')] },
      { id: 'webinar-live', name: 'Live webinar: Analytics 101', channel: 'event', day: -17, status: 'completed', cost: 400 },
    ],
  },
  {
    id: 'summer-promo', title: 'Summer Promotion 2026', currency: 'EUR', baseCost: 3500, expectedRevenue: 30000,
    recipients: ['43', '46', '48', '49', '42'],
    events: [
      { id: 'summer-mailer', name: 'Summer promo mailer', channel: 'direct-mail', day: -12, status: 'in-progress', cost: 4200, revenue: 6400 },
      { id: 'summer-email', name: 'Summer promo email', channel: 'email', day: -5, status: 'completed', cost: 110, revenue: 3900,
        links: [link('offer', 'https://shop.example.com/summer?utm_campaign=summer26')] },
      { id: 'summer-last-call', name: 'Last-call email', channel: 'email', day: 14, status: 'scheduled', cost: null,
        links: [link('offer', 'https://shop.example.com/summer?utm_campaign=summer26&last=1')] },
      { id: 'summer-calls', name: 'Key account calls', channel: 'phone', day: null, status: 'planned', cost: null },
    ],
  },
];

export const SEED_AUTHORS = ['Dana Whitfield', 'Marco Bianchi', 'Aiko Tanaka', 'Demo user'];

/** Notes a salesperson would type, by the detail they go with. */
export const SEED_NOTES: Record<string, string[]> = {
  responded: [
    'Called back after the announcement; wants a quote for 40 seats.',
    'Replied by email asking for the reseller price list.',
    'Stopped by the booth, talked for 20 minutes about the X200 integration.',
    'Asked us to call again after their budget meeting next month.',
    'Returned the reply card: interested in the service plan.',
    '',
  ],
  purchased: [
    'Ordered 12 units of the X200 with the early-bird discount.',
    'Signed the renewal for two years, PO 4471-B.',
    'Bought the starter bundle at the booth, paid by card.',
    'Upgraded to the enterprise plan.',
  ],
  received: ['Confirmed the catalog arrived.', 'Postcard received; mentioned it on the phone.', ''],
  subscribed: ['Signed up for the monthly newsletter at the event.', 'Asked to be added to the webinar list.'],
  unsubscribed: ['Asked not to be called again.', 'Prefers no printed mail; email only.'],
};

export const HUMAN_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36',
];

/** What an image pre-fetch or a link scanner looks like, with why it is judged a machine. */
export const MACHINE_AGENTS = [
  { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/42.0.2311.135 Safari/537.36 Edge/12.246 (via ggpht.com GoogleImageProxy)', reason: 'Image proxy pre-fetch (Google)' },
  { userAgent: 'Mozilla/5.0', reason: 'Opened 2 seconds after delivery: privacy proxy pre-fetch (Apple Mail Privacy Protection)' },
  { userAgent: 'Microsoft Office/16.0 (Microsoft Outlook; SafeLinks scanner)', reason: 'Link scanner (Microsoft Defender Safe Links)' },
  { userAgent: 'Barracuda Sentinel (EE)', reason: 'Security gateway link check' },
];
