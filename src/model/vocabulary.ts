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

/** A response detail a host adds: what a person sees and where it counts; the rest has defaults. */
export interface DetailAddition {
  id: string;
  label: string;
  categoryId: string;
  /** Default `any`: offered on events of every channel. */
  channelScope?: ChannelScope;
  /** Default `manual`: a person may pick it. */
  entry?: DetailEntry;
  /** Default false. */
  legacyEmailOnly?: boolean;
  /** Default null. */
  bounce?: BounceKind | null;
  /** Where a line of it counts (responded, lead, purchase, unsubscribe); default nowhere. */
  countsAs?: Partial<CountsAs>;
}

/** What a host adds to (or relabels in) a vocabulary. */
export interface VocabularyExtension {
  categories?: readonly ResponseCategory[];
  details?: readonly DetailAddition[];
}

/**
 * A vocabulary with the host's own categories and details: an entry whose id the vocabulary has
 * replaces it where it stands (a new label, say), a new one comes last. `base` is not changed. For
 * a backend that serves the built-in vocabulary (the reference server's seed), a host extends
 * `DEFAULT_VOCABULARY` and hands the result to its adapter's `getVocabulary()` or to an element's
 * `vocabulary` property. Throws when a detail names a category that neither has.
 */
export function extendVocabulary(base: ResponseVocabulary, extension: VocabularyExtension): ResponseVocabulary {
  const categories = mergeById(base.categories, extension.categories ?? []);
  const known = new Set(categories.map((category) => category.id));
  const additions = (extension.details ?? []).map((addition) => {
    if (!known.has(addition.categoryId)) {
      throw new Error(`extendVocabulary: detail "${addition.id}" names category "${addition.categoryId}", which the vocabulary does not have`);
    }
    const existing = base.details.find((d) => d.id === addition.id);
    return detail(addition.id, addition.label, addition.categoryId, {
      scope: addition.channelScope ?? existing?.channelScope,
      entry: addition.entry ?? existing?.entry,
      legacy: addition.legacyEmailOnly ?? existing?.legacyEmailOnly,
      bounce: (addition.bounce !== undefined ? addition.bounce : existing?.bounce) ?? undefined,
      counts: { ...existing?.countsAs, ...addition.countsAs },
    });
  });
  return { ...base, categories, details: mergeById(base.details, additions) };
}

function mergeById<T extends { id: string }>(base: readonly T[], added: readonly T[]): T[] {
  const byId = new Map(added.map((item) => [item.id, item]));
  const merged = base.map((item) => byId.get(item.id) ?? item);
  const present = new Set(base.map((item) => item.id));
  return [...merged, ...added.filter((item) => !present.has(item.id))];
}
