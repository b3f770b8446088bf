import { css } from 'lit';

export const styles = css`
  :host {
    --_height: var(--cr-response-history-height, 24rem);
    --_line-padding: var(--cr-response-history-line-padding, var(--_space-m));
    --_line-border: var(--cr-response-history-line-border-color, var(--_border));
  }
  .stale,
  .history-note {
    margin: 0;
    margin-block-end: var(--_space-m);
    color: var(--_muted);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m);
    align-items: end;
    margin-block-end: var(--_space-m);
  }
  .filters label {
    display: grid;
    gap: var(--_space-xs);
  }
  .filters .toggle {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
  }
  select,
  input[type='search'] {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
  }
  .count {
    margin-inline-start: auto;
    color: var(--_muted);
  }
  .list,
  .state.loading {
    block-size: var(--_height);
  }
  .list {
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .line {
    inline-size: 100%;
    padding: var(--_line-padding);
    border-block-end: 1px solid var(--_line-border);
  }
  .line-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m);
    align-items: baseline;
  }
  .detail {
    font-weight: var(--_font-weight-strong);
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
    gap: var(--_space-m);
    margin: 0;
    margin-block-start: var(--_space-xs);
    font-size: var(--_font-size-s);
  }
  .note,
  .link {
    margin: 0;
    margin-block-start: var(--_space-s);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .link a {
    color: var(--_accent);
  }
  .more {
    margin: 0;
    margin-block-start: var(--_space-m);
    color: var(--_muted);
  }
  @media (forced-colors: active) {
    .list {
      border-color: CanvasText;
    }
    .link a {
      color: LinkText;
    }
  }
`;
