import { css } from 'lit';

/**
 * What every element shares: the global tokens read into private `--_` variables with their
 * built-in fallbacks, buttons, focus ring, state blocks, the skeleton, and forced-colors styles.
 *
 * Tiers (as Material Web has them): the global tokens (`--cr-color-*`, `--cr-space-*`,
 * `--cr-radius-*`, `--cr-font-*`, `--cr-shadow-*`) are the host's theme; component tokens
 * (`--cr-<element>-<property>`) fall back to them; the elements only read private `--_name`
 * variables. No `--cr-*` token is ever set on `:host`, so a host sets any of them on any ancestor
 * (or on the element itself) and it wins. `themes/*.css` set the global tier; with no theme file
 * the fallbacks here are the light theme. Every element documents the tokens it reads (`@cssprop`),
 * and `test/browser/parts-and-tokens.test.ts` holds the two lists together.
 */
export const sharedStyles = css`
  :host {
    --_font: var(--cr-font-family, inherit);
    --_font-size-s: var(--cr-font-size-s, 0.875em);
    --_font-size-heading: var(--cr-font-size-heading, 1.15rem);
    --_font-size-title: var(--cr-font-size-title, 1.25rem);
    --_font-weight-strong: var(--cr-font-weight-strong, 600);
    --_text: var(--cr-color-text, #1b1b1b);
    --_muted: var(--cr-color-text-muted, #4a4a4a);
    --_surface: var(--cr-color-surface, #fff);
    --_surface-alt: var(--cr-color-surface-alt, #f3f4f6);
    --_border: var(--cr-color-border, #c4c7cc);
    --_control-border: var(--cr-color-border-control, #767b84);
    --_accent: var(--cr-color-accent, #0b5cad);
    --_on-accent: var(--cr-color-on-accent, #fff);
    --_danger: var(--cr-color-danger, #a4001d);
    --_on-danger: var(--cr-color-on-danger, #fff);
    --_success: var(--cr-color-success, #2e7d32);
    --_warning: var(--cr-color-warning, #8a4b00);
    --_focus: var(--cr-color-focus, #1a5fd0);
    --_inverse-surface: var(--cr-color-inverse-surface, #1f1f1f);
    --_on-inverse: var(--cr-color-on-inverse, #fff);
    --_backdrop: var(--cr-color-backdrop, rgb(0 0 0 / 0.4));
    --_shadow-raised: var(--cr-shadow-raised, 0 2px 8px rgb(0 0 0 / 0.2));
    --_radius-s: var(--cr-radius-s, 2px);
    --_radius: var(--cr-radius-m, 4px);
    --_radius-round: var(--cr-radius-round, 999px);
    /* One base unit and its steps: setting --cr-space scales them all, each step can be set alone. */
    --_space: var(--cr-space, 0.5rem);
    --_space-xs: var(--cr-space-xs, calc(var(--_space) * 0.25));
    --_space-s: var(--cr-space-s, calc(var(--_space) * 0.5));
    --_space-m: var(--cr-space-m, var(--_space));
    --_space-l: var(--cr-space-l, calc(var(--_space) * 2));
    display: block;
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space-m);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  button.danger {
    background: var(--_danger);
    color: var(--_on-danger);
    border-color: var(--_danger);
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .state {
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .state.error,
  .state.auth,
  .state.not-found {
    border-color: var(--_danger);
  }
  .skeleton {
    display: grid;
    gap: var(--_space-m);
  }
  .skeleton span {
    display: block;
    height: 1.5rem;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton span {
      animation: cr-pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes cr-pulse {
    to {
      opacity: 0.5;
    }
  }
  /* Windows High Contrast and the like: system colours, every border and focus ring visible, and
     nothing told by a background alone (the system removes backgrounds). */
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    button.primary,
    button.danger {
      border: 2px solid ButtonText;
    }
    button:disabled {
      color: GrayText;
      border-color: GrayText;
      opacity: 1;
    }
    :focus-visible {
      outline-color: Highlight;
    }
    .state {
      border-color: CanvasText;
    }
    .state.error,
    .state.auth,
    .state.not-found {
      border-width: 2px;
    }
    .skeleton span {
      forced-color-adjust: none;
      background: GrayText;
    }
  }
`;
