import { css } from 'lit';

/**
 * What every element shares: the system tokens read into private `--_` variables with fallbacks
 * (a host sets `--cr-…` on any ancestor), buttons, focus ring, state blocks and the skeleton.
 *
 * System tokens: `--cr-font-family`, `--cr-color-text`, `--cr-color-text-muted`, `--cr-color-surface`,
 * `--cr-color-surface-alt`, `--cr-color-border`, `--cr-color-accent`, `--cr-color-on-accent`,
 * `--cr-color-danger`, `--cr-color-focus`, `--cr-radius`, `--cr-space`.
 */
export const sharedStyles = css`
  :host {
    --_font: var(--cr-font-family, inherit);
    --_text: var(--cr-color-text, #1b1b1b);
    --_muted: var(--cr-color-text-muted, #4a4a4a);
    --_surface: var(--cr-color-surface, #fff);
    --_surface-alt: var(--cr-color-surface-alt, #f3f4f6);
    --_border: var(--cr-color-border, #c4c7cc);
    --_accent: var(--cr-color-accent, #0b5cad);
    --_on-accent: var(--cr-color-on-accent, #fff);
    --_danger: var(--cr-color-danger, #a4001d);
    --_focus: var(--cr-color-focus, #1a5fd0);
    --_radius: var(--cr-radius, 4px);
    --_space: var(--cr-space, 0.5rem);
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
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5) var(--_space);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  button.danger {
    background: var(--_danger);
    color: #fff;
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
    padding: var(--_space);
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
    gap: var(--_space);
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
  @media (forced-colors: active) {
    button.primary,
    button.danger {
      border: 2px solid ButtonText;
    }
    .skeleton span {
      background: GrayText;
    }
  }
`;
