import { css } from 'lit';

export const styles = css`
  :host {
    --_min-height: var(--cr-campaign-clickthrough-report-min-height, 12rem);
    --_machine: var(--cr-color-machine, var(--_muted));
    --_header-background: var(--cr-campaign-clickthrough-report-header-background, var(--_surface-alt));
  }
  th.url {
    font-weight: normal;
    overflow-wrap: anywhere;
    max-inline-size: 50ch;
  }
  th.url a {
    color: var(--_accent);
  }
  .clickers {
    margin-inline-start: var(--_space-l);
    inline-size: calc(100% - var(--_space-l));
  }
  .clickers th {
    background: none;
    font-weight: var(--_font-weight-strong);
  }
  .machine {
    color: var(--_machine);
  }
  .no-clicks {
    margin: 0;
    color: var(--_muted);
  }
  button[aria-expanded]::before {
    content: '▸' / '';
    display: inline-block;
    margin-inline-end: var(--_space-s);
  }
  button[aria-expanded='true']::before {
    transform: rotate(90deg);
  }
  /* Right to left, the closed triangle points left (to where the text goes); open, still down. */
  button[aria-expanded]:dir(rtl)::before {
    transform: scaleX(-1);
  }
  button[aria-expanded='true']:dir(rtl)::before {
    transform: rotate(90deg);
  }
  @media (forced-colors: active) {
    th.url a {
      color: LinkText;
    }
    .machine {
      color: CanvasText;
    }
  }
`;
