import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--cr-campaign-sync-status-gap, var(--_space));
  }
  .summary {
    margin: 0;
  }
  .summary > span + span::before {
    content: ' · ';
    color: var(--_muted);
  }
  .connectivity-offline {
    font-weight: 600;
  }
  .muted,
  .notice {
    color: var(--_muted);
  }
  .notice,
  .paused,
  .action-error {
    margin: var(--_gap) 0 0;
  }
  .action-error {
    color: var(--_danger);
  }
  .toggle {
    margin-block-start: var(--_gap);
  }
  .problems {
    list-style: none;
    margin: var(--_gap) 0 0;
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
    margin: 0 0 calc(var(--_gap) * 0.5);
  }
  .sync-mark {
    display: inline-block;
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.875em;
    color: var(--_danger);
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
    border-bottom: 1px solid var(--_border);
  }
  .versions .differs td {
    font-weight: 600;
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
    .sync-mark {
      color: CanvasText;
    }
  }
`;
