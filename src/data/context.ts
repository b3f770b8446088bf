import { createContext, ContextRoot } from '@lit/context';
import type { CampaignDataClient } from './data-client.js';
import type { CampaignReportsClient } from './reports-client.js';

/** The context every element asks for its data client (a `Symbol.for` key: one per page, even across copies of the kit). */
export const dataClientContext = createContext<CampaignDataClient | undefined>(Symbol.for('cr-data-client'));

const ROOT_FLAG = Symbol.for('cr-data-client-context-root');

/**
 * Attaches one ContextRoot to the document, so an element that asked for the client before its
 * `<campaign-data-provider>` was defined (upgraded late) is answered when the provider arrives.
 * Every define module calls it; it runs once per page.
 */
export function ensureContextRoot(): void {
  const holder = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (holder[ROOT_FLAG] || typeof document === 'undefined') return;
  holder[ROOT_FLAG] = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * The context campaign-side elements (statistics, reports) ask for their client. Its own key, so a
 * provider can share both clients; the type is imported as a type only (nothing bundled).
 */
export const reportsClientContext = createContext<CampaignReportsClient | undefined>(Symbol.for('cr-reports-client'));
