import type { ReactiveControllerHost } from 'lit';
import { TypingPause } from '../base/typing-pause.js';
import { EMPTY_FILTERS, type FilterValues } from './report-filters.js';

/**
 * The detail report's filter form: the values as chosen, and the note as sent to the server, which
 * follows the typed note once typing pauses (not at every key).
 */
export class ReportFilterState {
  values: FilterValues = { ...EMPTY_FILTERS };
  /** The note filter as sent to the server: the typed note once typing pauses. */
  noteQuery = '';

  #host: ReactiveControllerHost;
  readonly #notePause = new TypingPause();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Drops the note still waiting for typing to pause (the report left the page). */
  cancel(): void {
    this.#notePause.cancel();
  }

  /** Whether any filter is chosen (the order of the lines is not a filter). */
  get filtering(): boolean {
    const { sort: _sort, ...chosen } = this.values;
    return Object.values(chosen).some((value) => value !== '');
  }

  /** The note as typed goes to the server now, without waiting for typing to pause. */
  applyNote(): void {
    this.#notePause.cancel();
    this.#set(this.values, this.values.note);
  }

  /** Every filter cleared. */
  reset(): void {
    this.#notePause.cancel();
    this.#set({ ...EMPTY_FILTERS }, '');
  }

  onChange = (name: keyof FilterValues, value: string): void => {
    this.#set({ ...this.values, [name]: value }, this.noteQuery);
  };

  onNoteInput = (value: string): void => {
    this.#set({ ...this.values, note: value }, this.noteQuery);
    this.#notePause.after(() => this.#set(this.values, this.values.note));
  };

  onReset = (): void => this.reset();

  #set(values: FilterValues, noteQuery: string): void {
    this.values = values;
    this.noteQuery = noteQuery;
    this.#host.requestUpdate();
  }
}
