import type { ReactiveControllerHost } from 'lit';

/** How long typing in the note filter pauses before the server is asked. */
const NOTE_FILTER_DELAY_MS = 250;

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
  #noteTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Drops the note still waiting for typing to pause (the history left the page). */
  cancel(): void {
    clearTimeout(this.#noteTimer);
  }

  /** Whether the server is asked for matching lines only. */
  get filtering(): boolean {
    return Boolean(this.category || this.noteQuery.trim());
  }

  onCategory = (event: Event): void => this.#set({ category: (event.target as HTMLSelectElement).value });

  onNoteInput = (event: Event): void => {
    this.#set({ note: (event.target as HTMLInputElement).value });
    clearTimeout(this.#noteTimer);
    this.#noteTimer = setTimeout(() => this.#set({ noteQuery: this.note }), NOTE_FILTER_DELAY_MS);
  };

  onZoneToggle = (event: Event): void => this.#set({ showRecipientZone: (event.target as HTMLInputElement).checked });

  #set(changes: Partial<Pick<HistoryFilterState, 'category' | 'note' | 'noteQuery' | 'showRecipientZone'>>): void {
    Object.assign(this, changes);
    this.#host.requestUpdate();
  }
}
