import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--cr-campaign-sync-status-gap, var(--_space-m));
    --_online: var(--cr-campaign-sync-status-online-color, var(--_success));
    --_offline: var(--cr-campaign-sync-status-offline-color, var(--_warning));
    --_live: var(--cr-campaign-sync-status-live-color, var(--_success));
  }
  .summary {
    margin: 0;
  }
  .live {
    margin: 0;
    margin-block-start: var(--_gap);
    color: var(--_muted);
  }
  .live-live .live-glyph {
    color: var(--_live);
  }
  /* Each item is a phrase of its own: isolated, the items follow the paragraph's direction even
     when their words run the other way. */
  .summary > span {
    unicode-bidi: isolate;
  }
  .summary > span + span::before {
    content: ' · ';
    color: var(--_muted);
  }
  .connectivity-online [aria-hidden] {
    color: var(--_online);
  }
  .connectivity-offline {
    font-weight: var(--_font-weight-strong);
    color: var(--_offline);
  }
  .muted,
  .notice {
    color: var(--_muted);
  }
  .notice,
  .paused,
  .action-error {
    margin: 0;
    margin-block-start: var(--_gap);
  }
  .action-error {
    color: var(--_danger);
  }
  .toggle {
    margin-block-start: var(--_gap);
  }
  .problems {
    list-style: none;
    margin: 0;
    margin-block-start: var(--_gap);
    padding: 0;
  }
  .problem {
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .problem + .problem {
    margin-block-start: var(--_gap);
  }
  .problem p {
    margin: 0;
    margin-block-end: calc(var(--_gap) * 0.5);
  }
  .sync-mark {
    display: inline-block;
    padding-inline: 0.4em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: var(--_font-size-s);
    color: var(--_danger);
  }
  .sync-conflict {
    color: var(--_warning);
  }
  .versions {
    border-collapse: collapse;
    margin-block-end: calc(var(--_gap) * 0.5);
  }
  .versions th,
  .versions td {
    text-align: start;
    vertical-align: top;
    padding: calc(var(--_gap) * 0.25) var(--_gap);
    border-block-end: 1px solid var(--_border);
  }
  .versions .differs td {
    font-weight: var(--_font-weight-strong);
  }
  .actions,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
  }
  .confirm p {
    flex-basis: 100%;
  }
  @media (forced-colors: active) {
    .sync-mark,
    .connectivity-online [aria-hidden],
    .connectivity-offline {
      color: CanvasText;
    }
    .problem {
      border-color: CanvasText;
    }
  }
`;
