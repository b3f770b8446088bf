import type { Messages } from './en.js';
import { deBase } from './de/base.js';
import { deSync } from './de/sync.js';
import { deVocabulary } from './de/vocabulary.js';
import { deTab } from './de/tab.js';
import { deDialog } from './de/dialog.js';
import { deHistory } from './de/history.js';
import { deBulk } from './de/bulk.js';
import { deCampaign } from './de/campaign.js';

/**
 * German, shipped with the kit: every key of the English table (typed as `Messages`, so that TypeScript
 * insists), the union of the parts in `./de/` (one per element family, as `./en/`). The words are
 * those of a German CRM: Kampagne, Antwort, Empfänger. A module of its own, loaded by `translate.ts`
 * when an element's `lang` asks for German (nothing imports it statically, so an English page never
 * downloads it); a host may import it as `campaign-response-kit/i18n/de.js`.
 */
export const de: Messages = { ...deBase, ...deSync, ...deVocabulary, ...deTab, ...deDialog, ...deHistory, ...deBulk, ...deCampaign };
