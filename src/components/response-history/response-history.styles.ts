import { css } from 'lit';

export const styles = css`
  :host {
    --_height: var(--cr-response-history-height, 24rem);
  }
  .stale {
    margin: 0 0 var(--_space);
    color: var(--_muted);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
    margin-block-end: var(--_space);
  }
  .filters label {
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }
  .filters .toggle {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  select,
  input[type='search'] {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
  }
  .count {
    margin-inline-start: auto;
    color: var(--_muted);
  }
  .list,
  .state.loading {
    height: var(--_height);
  }
  .list {
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .line {
    width: 100%;
    padding: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .line-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: baseline;
  }
  .detail {
    font-weight: 600;
  }
  .category,
  .meta {
    color: var(--_muted);
  }
  .line-head time {
    margin-inline-start: auto;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: calc(var(--_space) * 0.25) 0 0;
    font-size: 0.875em;
  }
  .note,
  .link {
    margin: calc(var(--_space) * 0.5) 0 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .link a {
    color: var(--_accent);
  }
  .more {
    margin: var(--_space) 0 0;
    color: var(--_muted);
  }
`;
