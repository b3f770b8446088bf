import type { ReactiveControllerHost } from 'lit';
import { TypingPause } from '../base/typing-pause.js';

/**
 * The history's filters: response category, note text, and times in the recipient's zone. The
 * server filters (so a filter over 10,000 lines fetches only matches); the note text reaches it once
 * typing pauses, not at every key.
 */
export class HistoryFilterState {
  category = '';
  /** The note filter as typed. */
  note = '';
  /** The note filter as sent to the server: `note` once typing pauses. */
  noteQuery = '';
  showRecipientZone = false;

  #host: ReactiveControllerHost;
  readonly #notePause = new TypingPause();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Drops the note still waiting for typing to pause (the history left the page). */
  cancel(): void {
    this.#notePause.cancel();
  }

  /** Whether the server is asked for matching lines only. */
  get filtering(): boolean {
    return Boolean(this.category || this.noteQuery.trim());
  }

  onCategory = (event: Event): void => this.#set({ category: (event.target as HTMLSelectElement).value });

  onNoteInput = (event: Event): void => {
    this.#set({ note: (event.target as HTMLInputElement).value });
    this.#notePause.after(() => this.#set({ noteQuery: this.note }));
  };

  onZoneToggle = (event: Event): void => this.#set({ showRecipientZone: (event.target as HTMLInputElement).checked });

  #set(changes: Partial<Pick<HistoryFilterState, 'category' | 'note' | 'noteQuery' | 'showRecipientZone'>>): void {
    Object.assign(this, changes);
    this.#host.requestUpdate();
  }
}
