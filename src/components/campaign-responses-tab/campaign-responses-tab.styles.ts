import { css } from 'lit';

export const styles = css`
  :host {
    --_cell-gap: var(--cr-campaign-responses-tab-row-gap, var(--_space));
    --_header-background: var(--cr-campaign-responses-tab-header-background, var(--_surface-alt));
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    justify-content: flex-start;
    margin-block-end: var(--_space);
  }
  .notice {
    margin: 0;
    color: var(--_muted);
  }
  .notice:empty {
    display: none;
  }
  .notice[part~='offline-notice'] {
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
  }
  .content {
    min-height: 8rem;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--_cell-gap);
    border-bottom: 1px solid var(--_border);
  }
  thead th {
    background: var(--_header-background);
  }
  /* No flex or grid inside the cells: an auto-layout table sizes every cell twice (its narrowest and
     widest), and 100 campaigns' flex and grid boxes made that the larger part of the first paint.
     Floats and margins give the same picture. */
  /* The chevron is a gradient in the button's background, not a glyph: no box, no text to shape,
     no fallback font to find (few fonts have ▸), 100 times over. It takes the text's colour. */
  .disclosure {
    border: none;
    padding: 0;
    padding-inline-start: 0.78em;
    font-weight: 600;
    text-align: start;
    /* On the first line (0.5lh from the top), whatever the title's length. */
    background: conic-gradient(from 240deg at 100% 50%, currentColor 60deg, transparent 0) left 0.03em top
      calc(0.5lh - 0.25em) / 0.47em 0.56em no-repeat;
  }
  .disclosure[aria-expanded='true'] {
    background-image: conic-gradient(from 330deg at 50% 100%, currentColor 60deg, transparent 0);
    background-position-y: calc(0.5lh - 0.17em);
    background-size: 0.6em 0.5em;
  }
  :host(:dir(rtl)) .disclosure {
    background-position-x: right 0.03em;
  }
  .events {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  /* The event's name and, at the end of its line, its Update Status button, centred on each other:
     the line is as tall as the button (the parent's line, the button's block padding and border)
     and the button's own line is the parent's again. */
  .events li {
    display: flow-root;
    line-height: calc(1lh + var(--_space) + 2px);
  }
  .events li + li {
    margin-block-start: calc(var(--_space) * 0.5);
  }
  .events button {
    float: inline-end;
    line-height: calc(1lh - var(--_space) - 2px);
    margin-inline-start: var(--_space);
  }
  .category {
    color: var(--_muted);
  }
  .none {
    color: var(--_muted);
  }
  .delay-note {
    margin: calc(var(--_space) * 0.5) 0 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  dialog {
    box-sizing: border-box;
    max-width: min(30rem, 100vw - 2rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_surface);
  }
  dialog h2 {
    margin-top: 0;
    font-size: 1.15rem;
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
  }
  .snackbar {
    position: fixed;
    inset-block-end: calc(var(--_space) * 2);
    inset-inline-start: 50%;
    translate: -50% 0;
    display: flex;
    gap: calc(var(--_space) * 2);
    align-items: center;
    padding: var(--_space) calc(var(--_space) * 2);
    border-radius: var(--_radius);
    background: #1f1f1f;
    color: #fff;
  }
  .snackbar button {
    color: #fff;
    background: transparent;
    border-color: #fff;
  }
  @media (forced-colors: active) {
    .snackbar {
      border: 1px solid CanvasText;
    }
    /* A system colour for the chevron: the glyph, kept out of the name by its empty alternative. */
    .disclosure {
      background: none;
      padding-inline-start: 0;
    }
    .disclosure::before {
      content: '▸' / '';
      margin-inline-end: calc(var(--_space) * 0.5);
    }
    .disclosure[aria-expanded='true']::before {
      content: '▾' / '';
    }
  }
`;
