import { css } from 'lit';

export const styles = css`
  :host {
    --_cell-gap: var(--cr-campaign-responses-tab-row-gap, var(--_space-m));
    --_header-background: var(--cr-campaign-responses-tab-header-background, var(--_surface-alt));
    --_row-border: var(--cr-campaign-responses-tab-row-border-color, var(--_border));
    --_title-weight: var(--cr-campaign-responses-tab-title-font-weight, var(--_font-weight-strong));
    --_columns: var(
      --cr-campaign-responses-tab-columns,
      minmax(8rem, 2.5fr) minmax(12rem, 4.5fr) minmax(8rem, 2.5fr) minmax(8rem, 2fr)
    );
    --_extra-column: var(--cr-campaign-responses-tab-extra-column, minmax(6rem, 2fr));
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-m);
    justify-content: flex-start;
    margin-block-end: var(--_space-m);
  }
  .notice {
    margin: 0;
    color: var(--_muted);
  }
  .notice:empty {
    display: none;
  }
  .notice[part~='offline-notice'] {
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
  }
  /* The container the narrow layout below asks about: the tab's own width, wherever it is put. */
  .content {
    min-block-size: 8rem;
    overflow-x: auto;
    container: cr-campaigns / inline-size;
  }
  /* A table to the accessibility tree (its roles are also written out, for browsers that drop a
     table's semantics when its display changes), laid out as a stack of rows that are each a grid on
     the same column tracks. Column widths come from the tracks, never from the cells' content, so a
     campaign's <tbody> off screen skips the layout and paint of its content (content-visibility)
     until it is scrolled to: an auto-layout table must size every cell of all 100 campaigns before
     it shows the first, and its row groups cannot be skipped. Columns a subclass adds get the
     extra-column track. */
  table,
  thead,
  tbody {
    display: block;
  }
  /* As wide as its columns' tracks at least: a campaign's <tbody> (content-visibility: auto, so it
     clips its paint) must span the columns a scrolled table shows, not stop at the scroll box. */
  table {
    min-inline-size: min-content;
  }
  tr {
    display: grid;
    grid-template-columns: var(--_columns);
    grid-auto-flow: column;
    grid-auto-columns: var(--_extra-column);
  }
  tbody {
    content-visibility: auto;
    /* A campaign with one event, until the row has been seen; then the height it had. */
    contain-intrinsic-block-size: auto calc(1lh + var(--_space-s) * 2 + 2px + var(--_cell-gap) * 2 + 1px);
  }
  [part='history-row'] > td {
    grid-column: 1 / -1;
  }
  th,
  td {
    text-align: start;
    padding: var(--_cell-gap);
    border-block-end: 1px solid var(--_row-border);
  }
  thead th {
    background: var(--_header-background);
  }
  /* The chevron is a gradient in the button's background, not a glyph: no box, no text to shape,
     no fallback font to find (few fonts have ▸), 100 times over. It takes the text's colour. */
  .disclosure {
    border: none;
    padding: 0;
    padding-inline-start: 0.78em;
    font-weight: var(--_title-weight);
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
  /* Right to left, the closed chevron points left, from the right edge; open, it points down. */
  .disclosure:dir(rtl) {
    background-image: conic-gradient(from 60deg at 0% 50%, currentColor 60deg, transparent 0);
    background-position-x: right 0.03em;
  }
  .disclosure[aria-expanded='true']:dir(rtl) {
    background-image: conic-gradient(from 330deg at 50% 100%, currentColor 60deg, transparent 0);
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
    line-height: calc(1lh + var(--_space-s) * 2 + 2px);
  }
  .events li + li {
    margin-block-start: var(--_space-s);
  }
  .events button {
    float: inline-end;
    line-height: calc(1lh - var(--_space-s) * 2 - 2px);
    margin-inline-start: var(--_space-m);
  }
  .category {
    color: var(--_muted);
  }
  .none {
    color: var(--_muted);
  }
  .delay-note {
    margin: 0;
    margin-block-start: var(--_space-s);
    font-size: var(--_font-size-s);
    color: var(--_muted);
  }
  dialog {
    box-sizing: border-box;
    max-inline-size: min(30rem, 100vw - 2rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_surface);
  }
  dialog h2 {
    margin-block-start: 0;
    font-size: var(--_font-size-heading);
  }
  dialog::backdrop {
    background: var(--_backdrop);
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-m);
  }
  /* Centred by auto margins between two insets, not by a translate: the same in both directions. */
  .snackbar {
    position: fixed;
    inset-block-end: var(--_space-l);
    inset-inline: 0;
    inline-size: fit-content;
    max-inline-size: calc(100vw - var(--_space-l) * 2);
    margin-inline: auto;
    display: flex;
    gap: var(--_space-l);
    align-items: center;
    padding: var(--_space-m) var(--_space-l);
    border-radius: var(--_radius);
    background: var(--_inverse-surface);
    color: var(--_on-inverse);
    box-shadow: var(--_shadow-raised);
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
    /* A system colour for the chevron: the glyph, kept out of the name by its empty alternative. */
    .disclosure {
      background: none;
      padding-inline-start: 0;
    }
    .disclosure::before {
      content: '▸' / '';
      margin-inline-end: var(--_space-s);
    }
    .disclosure[aria-expanded='true']::before {
      content: '▾' / '';
    }
    .disclosure:dir(rtl)::before {
      content: '◂' / '';
    }
    .disclosure[aria-expanded='true']:dir(rtl)::before {
      content: '▾' / '';
    }
    thead th {
      border-block-end-width: 2px;
    }
  }
`;
