// The simulated inbox of the campaign page: the messages of a send, per recipient. "Open" loads the
// message's tracking pixel in an <img>, as a mail program showing images does; a link goes through
// the click redirect. Each shows that a response was tracked. Names and URLs are data: text only.
import type { Delivery, SendResult } from '../src/model/campaign-stats.js';
import { localizerFor } from '../src/i18n/localizer.js';
import { DEFAULT_VOCABULARY, findDetail } from '../src/model/vocabulary.js';
import { dt } from './demo-strings.js';

/** The bounce's name as the kit says it in the page's language ("Mailbox Is Full"), not its code. */
function outcomeLabel(outcome: string): string {
  const detail = findDetail(DEFAULT_VOCABULARY, outcome);
  return detail ? localizerFor(document.documentElement.lang).detailLabel(detail) : outcome;
}

export interface InboxOptions {
  /** The event's name: the messages' subject. */
  subject: string;
  /** Called after an open or a click was tracked (the page refreshes the statistics). */
  onTracked: (kind: 'open' | 'click', delivery: Delivery) => void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text) made.textContent = text;
  return made;
}

function badge(text: string, failed = false): HTMLSpanElement {
  const made = element('span', failed ? 'tracked failed' : 'tracked', text);
  made.setAttribute('role', 'status');
  return made;
}

const clock = () => new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }).format(new Date());

function renderMessage(delivery: Delivery, index: number, options: InboxOptions): HTMLLIElement {
  const item = element('li', delivery.tracking ? 'message' : 'message bounced');
  item.dataset.recipient = delivery.recipientId;
  const head = element('div', 'message-head');
  head.append(element('span', 'who', delivery.recipientName), element('span', 'email', delivery.email));
  const outcome = delivery.tracking ? dt('inbox.delivered') : dt('inbox.notDelivered', { reason: outcomeLabel(delivery.outcome) });
  head.append(element('span', 'outcome', delivery.newlySent ? outcome : dt('inbox.sentBefore', { outcome })));
  item.append(head);
  const tracking = delivery.tracking;
  if (!tracking) return item;

  const bodyId = `message-${index}`;
  const open = element('button', '', dt('inbox.open', { name: delivery.recipientName }));
  open.type = 'button';
  open.setAttribute('aria-expanded', 'false');
  open.setAttribute('aria-controls', bodyId);
  head.append(open);

  const body = element('div', 'message-body');
  body.id = bodyId;
  body.hidden = true;
  body.append(element('p', '', dt('inbox.subject', { subject: options.subject })), element('p', '', dt('inbox.greeting', { name: delivery.recipientName })));
  const links = element('ul');
  for (const link of tracking.links) {
    const item = element('li');
    const anchor = element('a', '', link.url);
    anchor.href = link.clickUrl;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
    anchor.addEventListener('click', (event) => {
      // A plain click is tracked here and the redirect shown; a modified click opens it for real.
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      void (async () => {
        const answer = await fetch(link.clickUrl, { redirect: 'manual', credentials: 'omit' }).catch(() => undefined);
        // A 302 is an opaque redirect to the page (the event's registered URL): the click was recorded.
        const tracked = answer?.type === 'opaqueredirect' || (answer?.status ?? 0) === 302;
        item.querySelector('.tracked')?.remove();
        item.append(tracked ? badge(dt('inbox.clickTracked', { time: clock(), url: link.url })) : badge(dt('inbox.clickNotTracked'), true));
        if (tracked) options.onTracked('click', delivery);
      })();
    });
    item.append(anchor);
    links.append(item);
  }
  body.append(links);
  item.append(body);

  let pixelLoaded = false;
  open.addEventListener('click', () => {
    const show = body.hidden;
    body.hidden = !show;
    open.setAttribute('aria-expanded', String(show));
    open.textContent = dt(show ? 'inbox.close' : 'inbox.open', { name: delivery.recipientName });
    if (!show || pixelLoaded) return;
    pixelLoaded = true;
    // What a mail program showing images does: loads the 1×1 pixel, which records Opened.
    const pixel = element('img', 'pixel');
    pixel.alt = '';
    pixel.addEventListener('load', () => {
      head.append(badge(dt('inbox.openTracked', { time: clock() })));
      options.onTracked('open', delivery);
    });
    pixel.addEventListener('error', () => head.append(badge(dt('inbox.openNotTracked'), true)));
    pixel.src = tracking.openUrl;
    body.append(pixel);
  });
  return item;
}

/** Shows the messages of `result` in `list` (replacing what was there). */
export function renderInbox(list: HTMLElement, result: SendResult, options: InboxOptions): void {
  list.replaceChildren(...result.deliveries.map((delivery, i) => renderMessage(delivery, i, options)));
}
