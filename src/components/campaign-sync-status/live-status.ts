import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { LiveState } from '../../data/live/live-hub.js';
import type { Localizer } from '../../i18n/localizer.js';

/**
 * Whether the page is live, in words and a glyph (never the colour alone). Not a live region:
 * a connection that comes and goes must not talk over the person; the arrivals do that, once.
 */
export function renderLiveState(l: Localizer, state: LiveState): TemplateResult | typeof nothing {
  if (state === 'off') return nothing;
  const glyph = state === 'live' ? '◉' : '◌';
  return html`<p part="live" class="live live-${state}" data-live=${state}><span aria-hidden="true" class="live-glyph">${glyph}</span> ${l.t(`sync.live.${state}`)}</p>`;
}

/**
 * The polite region that tells a screen reader that lines arrived, once per burst. Always in the
 * DOM, so that the text put in it later is announced.
 */
export function renderArrival(message: string): TemplateResult {
  return html`<p part="live-announcement" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${message}</p>`;
}
