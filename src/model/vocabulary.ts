import type { BounceKind, ChannelScope, CountsAs, DetailEntry, ResponseCategory, ResponseDetail, ResponseVocabulary } from './types.js';

/**
 * The built-in response vocabulary, matching the source CRM (DESIGN.md §2): 10 categories, 27
 * details. A backend sends its own through `GET /response-types`; this one is the reference server's
 * seed and the fallback a host can extend.
 */
export const DEFAULT_CATEGORIES: readonly ResponseCategory[] = [
  { id: 'bounced', label: 'Bounced' },
  { id: 'clicked-through', label: 'Clicked Through' },
  { id: 'failed', label: 'Failed' },
  { id: 'purchased', label: 'Purchased' },
  { id: 'queued', label: 'Queued' },
  { id: 'received', label: 'Received' },
  { id: 'responded', label: 'Responded' },
  { id: 'sent', label: 'Sent' },
  { id: 'subscribed', label: 'Subscribed' },
  { id: 'unsubscribed', label: 'Unsubscribed' },
];

const NONE: CountsAs = { responded: false, lead: false, purchase: false, unsubscribe: false };

interface DetailOptions {
  scope?: ChannelScope;
  entry?: DetailEntry;
  legacy?: boolean;
  bounce?: BounceKind;
  counts?: Partial<CountsAs>;
}

function detail(id: string, label: string, categoryId: string, options: DetailOptions = {}): ResponseDetail {
  return {
    id,
    label,
    categoryId,
    channelScope: options.scope ?? 'any',
    entry: options.entry ?? 'manual',
    legacyEmailOnly: options.legacy ?? false,
    bounce: options.bounce ?? null,
    countsAs: { ...NONE, ...options.counts },
  };
}

/** Set only by email tracking. */
const tracked = { scope: 'email', entry: 'tracked' } as const;
const failed = { ...tracked, legacy: true } as const;
const hard = { ...tracked, bounce: 'hard' } as const;
const soft = { ...tracked, bounce: 'soft' } as const;

export const DEFAULT_DETAILS: readonly ResponseDetail[] = [
  detail('clicked-through', 'Clicked Through', 'clicked-through', tracked),
  detail('opened', 'Opened', 'received', tracked),
  detail('purchased', 'Purchased', 'purchased', { counts: { responded: true, lead: true, purchase: true } }),
  detail('queued', 'Queued', 'queued', tracked),
  detail('received', 'Received', 'received'),
  detail('responded', 'Responded', 'responded', { counts: { responded: true, lead: true } }),
  detail('sent', 'Sent', 'sent', { entry: 'tracked' }),
  detail('subscribed', 'Subscribed', 'subscribed', { counts: { responded: true, lead: true } }),
  detail('unsubscribed', 'Unsubscribed', 'unsubscribed', { counts: { responded: true, unsubscribe: true } }),
  detail('failed-delivery-failure', 'Failed – Delivery Failure', 'failed', failed),
  detail('failed-invalid-address', 'Failed – Invalid Address', 'failed', failed),
  detail('failed-other', 'Failed – Other', 'failed', failed),
  detail('failed-spam', 'Failed – Spam', 'failed', failed),
  detail('failed-template-error', 'Failed – Template Error', 'failed', failed),
  detail('failed-unexpected-error', 'Failed – Unexpected Error', 'failed', failed),
  detail('invalid-sender-address', 'Invalid Sender Address', 'bounced', hard),
  detail('mailbox-disabled', 'Mailbox Disabled', 'bounced', hard),
  detail('mailbox-full', 'Mailbox Is Full', 'bounced', soft),
  detail('mailbox-not-accepting', 'Mailbox Not Accepting Messages', 'bounced', hard),
  detail('mail-protocol-issues', 'Mail Protocol Issues', 'bounced', soft),
  detail('media-error', 'Media Error', 'bounced', soft),
  detail('message-too-large', 'Message Exceeds Size/Length Limits', 'bounced', soft),
  detail('network-server-issues', 'Network/Server Issues', 'bounced', soft),
  detail('security-issues', 'Security Issues', 'bounced', soft),
  detail('too-many-recipients', 'Too Many Recipients', 'bounced', soft),
  detail('skipped-previous-hard-bounce', 'Skipped Due to Previous Hard Bounce', 'bounced', hard),
  detail('unsubscribed-feedback-loop', 'Unsubscribed by Feedback Loop', 'unsubscribed', {
    ...tracked,
    counts: { unsubscribe: true },
  }),
];

export const DEFAULT_VOCABULARY: ResponseVocabulary = {
  categories: [...DEFAULT_CATEGORIES],
  details: [...DEFAULT_DETAILS],
};

/** Looks a detail up by id; undefined when the vocabulary has no such detail. */
export function findDetail(vocabulary: ResponseVocabulary, detailId: string): ResponseDetail | undefined {
  return vocabulary.details.find((d) => d.id === detailId);
}

/** A minimal description of the event a detail is offered for. */
export interface EventKind {
  channel: string;
  legacyEmail: boolean;
}

/**
 * Whether a detail may be recorded on an event of this kind: email-only details only on email
 * events, the "Failed – …" group only on older email events.
 */
export function detailAppliesTo(detail: ResponseDetail, event: EventKind): boolean {
  if (detail.channelScope === 'email' && event.channel !== 'email') return false;
  if (detail.legacyEmailOnly && !(event.channel === 'email' && event.legacyEmail)) return false;
  return true;
}

/** The details a person may pick by hand for an event, grouped by category in vocabulary order. */
export function manualDetailsByCategory(
  vocabulary: ResponseVocabulary,
  event: EventKind,
): { category: ResponseCategory; details: ResponseDetail[] }[] {
  return vocabulary.categories
    .map((category) => ({
      category,
      details: vocabulary.details.filter(
        (d) => d.categoryId === category.id && d.entry === 'manual' && detailAppliesTo(d, event),
      ),
    }))
    .filter((group) => group.details.length > 0);
}
