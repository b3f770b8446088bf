import { css } from 'lit';

/**
 * The look of a menu made with `menu-button.ts`: a raised list under its button. An element whose
 * button sits at the bottom of its box (the dialog's footer) turns it upward with one rule of its own.
 */
export const menuStyles = css`
  .menu-root {
    position: relative;
  }
  [role='menu'] {
    position: absolute;
    inset-block-start: 100%;
    inset-inline-start: 0;
    z-index: 1;
    min-inline-size: 10rem;
    padding: var(--_space-s) 0;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow-raised);
  }
  [role='menu'][hidden] {
    display: none;
  }
  [role='menuitem'] {
    padding: var(--_space-s) var(--_space-m);
    cursor: pointer;
  }
  [role='menuitem']:focus,
  [role='menuitem']:hover {
    background: var(--_surface-alt);
  }
  @media (forced-colors: active) {
    [role='menu'] {
      border: 2px solid CanvasText;
    }
    [role='menuitem']:focus,
    [role='menuitem']:hover {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
