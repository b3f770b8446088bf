import { html } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';

export interface MenuItem {
  id: string;
  label: string;
  action: () => void;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The WAI-ARIA menu button pattern: Enter, Space or ArrowDown on the button opens the menu on its
 * first item (ArrowUp on its last); arrows, Home and End move; Enter or Space runs an item; Escape
 * closes and returns focus to the button; Tab or a click elsewhere closes.
 */
export class MenuButtonController implements ReactiveController {
  open = false;
  #active = 0;
  #host: Host;
  #name: string;

  constructor(host: Host, name: string) {
    this.#host = host;
    this.#name = name;
    host.addController(this);
  }

  hostConnected(): void {}

  #root(): ShadowRoot | null {
    return this.#host.shadowRoot;
  }

  #button(): HTMLButtonElement | null | undefined {
    return this.#root()?.querySelector<HTMLButtonElement>(`[data-menu-button="${this.#name}"]`);
  }

  #items(): HTMLElement[] {
    return [...(this.#root()?.querySelectorAll<HTMLElement>(`[data-menu="${this.#name}"] [role="menuitem"]`) ?? [])];
  }

  async #openAt(index: 'first' | 'last'): Promise<void> {
    this.open = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const items = this.#items();
    this.#active = index === 'first' ? 0 : items.length - 1;
    items[this.#active]?.focus();
  }

  close(returnFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.#host.requestUpdate();
    if (returnFocus) this.#button()?.focus();
  }

  #onButtonKeydown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      void this.#openAt('first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      void this.#openAt('last');
    }
  };

  #onButtonClick = (event: MouseEvent) => {
    // Keyboard activation is handled on keydown; a click with detail 0 is the same key's click.
    if (event.detail === 0) return;
    if (this.open) this.close(false);
    else void this.#openAt('first');
  };

  #onMenuKeydown = (event: KeyboardEvent, items: MenuItem[]) => {
    const elements = this.#items();
    const move = (to: number) => {
      event.preventDefault();
      this.#active = (to + elements.length) % elements.length;
      elements[this.#active]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(this.#active + 1);
      case 'ArrowUp':
        return move(this.#active - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(elements.length - 1);
      case 'Escape':
        // Closes the menu only, not a dialog around it.
        event.preventDefault();
        event.stopPropagation();
        return this.close(true);
      case 'Tab':
        return this.close(false);
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.close(true);
        items[this.#active]?.action();
        return;
    }
  };

  #onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    const container = this.#root()?.querySelector(`[data-menu-root="${this.#name}"]`);
    if (!next || !container?.contains(next)) this.close(false);
  };

  render(label: string, items: MenuItem[]): TemplateResult {
    const menuId = `menu-${this.#name}`;
    return html`<div class="menu-root" data-menu-root=${this.#name} @focusout=${this.#onFocusOut}>
      <button
        type="button"
        part="menu-button"
        data-menu-button=${this.#name}
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${menuId}
        @keydown=${this.#onButtonKeydown}
        @click=${this.#onButtonClick}
      >
        ${label}
      </button>
      <div
        role="menu"
        id=${menuId}
        part="menu"
        data-menu=${this.#name}
        aria-label=${label}
        ?hidden=${!this.open}
        @keydown=${(event: KeyboardEvent) => this.#onMenuKeydown(event, items)}
      >
        ${items.map(
          (item, index) =>
            html`<div
              role="menuitem"
              part="menu-item"
              tabindex="-1"
              data-item=${item.id}
              @click=${() => {
                this.#active = index;
                this.close(true);
                item.action();
              }}
            >
              ${item.label}
            </div>`,
        )}
      </div>
    </div>`;
  }
}
