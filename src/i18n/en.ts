/**
 * The English strings of the kit: every user-visible text of every element, the union of the parts in
 * `./en/` (one per element family: an element carries only the parts it shows, see
 * `registerEnglish()`). `{name}` marks a parameter that `t()` fills in. Another language is a
 * `Messages` object registered with `registerTranslation()` (`satisfies Messages` makes TypeScript
 * insist on every key). The `vocabulary.*` keys are the built-in response vocabulary's labels: an
 * element shows a language's label for a built-in category or detail when the backend sent exactly the
 * English one.
 */
import { enBase } from './en/base.js';
import { enSync } from './en/sync.js';
import { enVocabulary } from './en/vocabulary.js';
import { enTab } from './en/tab.js';
import { enDialog } from './en/dialog.js';
import { enHistory } from './en/history.js';
import { enBulk } from './en/bulk.js';
import { enCampaign } from './en/campaign.js';

export const en = { ...enBase, ...enSync, ...enVocabulary, ...enTab, ...enDialog, ...enHistory, ...enBulk, ...enCampaign };

export type MessageKey = keyof typeof en;

/** A complete translation: every key of the English table. */
export type Messages = Record<MessageKey, string>;
