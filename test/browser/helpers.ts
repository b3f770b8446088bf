import type { AddResponseDialog } from '../../src/components/add-response-dialog/add-response-dialog.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import { until } from './fake-adapter.js';

export function $<E extends Element = HTMLElement>(root: Element, selector: string): E {
  const found = root.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`${selector} not found in ${root.localName}`);
  return found;
}

export function $$<E extends Element = HTMLElement>(root: Element, selector: string): E[] {
  return [...(root.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

export function dialogOf(tab: CampaignResponsesTab): AddResponseDialog {
  return $<AddResponseDialog>(tab, 'add-response-dialog');
}

/** Chooses an option as a person would: sets the value and fires `change`. */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Types into an input or textarea, firing `input`. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The deepest focused element, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Update Status on the event's row → Actions → Delete, by pointer, up to the confirmation: resolves
 * with it once it says `expected` (the count it asks about).
 */
export async function askToDeleteAll(tab: CampaignResponsesTab, eventId: string, expected: string): Promise<HTMLDialogElement> {
  $<HTMLButtonElement>(tab, `[part="update-button"][data-event="${eventId}"]`).click();
  const dialog = dialogOf(tab);
  // The dialog's module loads on first use: on a busy machine its first fetch takes a while.
  await until(() => dialog.open && dialog.shadowRoot?.querySelector('[part="menu-button"]'), 8000);
  $<HTMLButtonElement>(dialog, '[part="menu-button"]').dispatchEvent(new MouseEvent('click', { detail: 1, bubbles: true }));
  await until(() => dialog.shadowRoot?.querySelector('[role="menu"]:not([hidden])'));
  $(dialog, '[role="menuitem"][data-item="delete"]').click();
  // The confirmation comes with the Delete flow, which the tab loads on demand.
  await until(() => {
    const confirm = tab.shadowRoot?.querySelector<HTMLDialogElement>('[part="confirm-dialog"]');
    return confirm?.open && text(confirm).includes(expected);
  });
  return $<HTMLDialogElement>(tab, '[part="confirm-dialog"]');
}
