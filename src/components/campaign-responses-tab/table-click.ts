import { SYNC_RETRY_ATTRIBUTE } from '../base/sync-mark.js';
import { CAMPAIGN_ATTRIBUTE, EVENT_ATTRIBUTE } from './campaign-rows.js';

/** What a click in the campaigns table asks for. */
export type TableAction =
  | { kind: 'retry'; opId: string }
  | { kind: 'update'; campaignId: string; eventId: string; button: HTMLButtonElement }
  | { kind: 'toggle'; campaignId: string };

/** What the tab does for each kind of click in the table. */
export interface TableClickHandlers {
  retry: (opId: string) => void;
  update: (campaignId: string, eventId: string, button: HTMLButtonElement) => void;
  toggle: (campaignId: string) => void;
}

/** The table's one click listener, handing each click to what the tab does for its kind. */
export function tableClickListener(handlers: TableClickHandlers): (event: Event) => void {
  return (event) => {
    const action = tableAction(event);
    if (action?.kind === 'retry') handlers.retry(action.opId);
    else if (action?.kind === 'update') handlers.update(action.campaignId, action.eventId, action.button);
    else if (action?.kind === 'toggle') handlers.toggle(action.campaignId);
  };
}

/**
 * The table has one click listener: the button clicked says what it is by its data (a sync mark's
 * Retry, an event's Update Status, a campaign's disclosure) and its campaign by its `<tbody>`.
 */
export function tableAction(event: Event): TableAction | undefined {
  const button = (event.target as Element).closest('button');
  const campaignId = button?.closest('tbody')?.getAttribute(CAMPAIGN_ATTRIBUTE);
  if (!button || !campaignId) return undefined;
  const opId = button.getAttribute(SYNC_RETRY_ATTRIBUTE);
  if (opId) return { kind: 'retry', opId };
  const eventId = button.getAttribute(EVENT_ATTRIBUTE);
  if (eventId) return { kind: 'update', campaignId, eventId, button };
  return button.classList.contains('disclosure') ? { kind: 'toggle', campaignId } : undefined;
}
