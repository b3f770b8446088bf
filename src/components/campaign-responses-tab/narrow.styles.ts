import { css } from 'lit';

export const narrowStyles = css`
  /* Narrower than the four columns' minimums (36rem): each campaign is a block, its fields one
     under another, each under its column's name (generated content, left out of the accessible
     name: a screen reader has the table's own headers). The header row stays for it, unseen. */
  @container cr-campaigns (inline-size < 36rem) {
    thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    tr {
      grid-template-columns: minmax(0, 1fr);
      grid-auto-flow: row;
      grid-auto-columns: auto;
    }
    tbody {
      contain-intrinsic-block-size: auto 10rem;
      border-block-end: 1px solid var(--_row-border);
    }
    [part='row'] > * {
      border-block-end: none;
      padding-block: var(--_space-xs);
    }
    [part='row'] > :first-child {
      padding-block-start: var(--_cell-gap);
    }
    [part='row'] > :last-child {
      padding-block-end: var(--_cell-gap);
    }
    [part='events-cell']::before,
    [part='response']::before,
    [part='date']::before {
      display: block;
      font-size: var(--_font-size-s);
      font-weight: var(--_font-weight-strong);
      color: var(--_muted);
    }
    [part='events-cell']::before {
      content: var(--_label-events) / '';
    }
    [part='response']::before {
      content: var(--_label-response) / '';
    }
    [part='date']::before {
      content: var(--_label-date) / '';
    }
    [part='date']:empty {
      display: none;
    }
  }
`;
