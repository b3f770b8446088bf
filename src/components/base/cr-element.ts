import { LitElement } from 'lit';

/** The kit's base element: a typed `emit()` for the event classes of `src/events/`. */
export class CrElement extends LitElement {
  /** Dispatches `event` from this element; returns false when a listener cancelled it. */
  protected emit<E extends Event>(event: E): boolean {
    return this.dispatchEvent(event);
  }
}
