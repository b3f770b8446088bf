import { css } from 'lit';

/** A line's actions, its deleted look, its changes, and the notice of a line's delete (the menu's look is menu.styles.ts). */
export const lineActionStyles = css`
  .line-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m);
    align-items: center;
    margin-block-start: var(--_space-s);
  }
  .line.deleted .detail,
  .line.deleted .note {
    text-decoration: line-through;
  }
  .deleted-label {
    font-weight: var(--_font-weight-strong);
    color: var(--_danger);
  }
  .line-changes ol {
    margin: var(--_space-s) 0 0;
    padding-inline-start: var(--_space-l);
    font-size: var(--_font-size-s);
  }
  .snackbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m);
    align-items: center;
    margin-block-start: var(--_space-m);
    padding: var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_inverse-surface);
    color: var(--_on-inverse);
  }
  .snackbar button {
    color: var(--_on-inverse);
    background: transparent;
    border-color: var(--_on-inverse);
  }
  @media (forced-colors: active) {
    .snackbar {
      border: 1px solid CanvasText;
    }
    .deleted-label {
      color: CanvasText;
    }
  }
`;
