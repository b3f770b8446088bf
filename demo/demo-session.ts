// Who is using the demo: `npm start`'s demo asks (three people with different rights) and signs the
// chosen one in for 15 minutes, asking again for a fresh token before it runs out (through the kit's
// getToken). End-to-end tests get the service token in /demo-config.json instead and skip the question.
// The configuration is kept on the device (without any token), so that a page reloaded with the
// server out of reach starts all the same and shows what the kit and the page saved.

import { dt } from './demo-strings.js';
import { networkFirst } from './saved-data.js';

interface DemoPerson {
  id: string;
  name: string;
  title: string;
}

interface DemoConfig {
  apiBase: string;
  token?: string;
  signIn?: string;
  people?: DemoPerson[];
}

/** The configuration as kept on the device: never the token itself, only that there was one. */
interface SavedConfig extends Omit<DemoConfig, 'token'> {
  tokenInConfig: boolean;
}

export interface DemoSession {
  apiBase: string;
  /** A valid bearer token, fetched again shortly before the current one expires. */
  getToken(): Promise<string>;
  /** Keys this person's offline store: one person's queued edits never go out under another's name. */
  userKey: string;
  /** Forgets who is signed in (the next page load asks again). */
  forget(): void;
  /** Set when the server was out of reach and the configuration saved at this time was used. */
  savedAt?: Date;
}

const PERSON_KEY = 'cr-demo-person';
/** Ask for a new token this long before the current one runs out. */
const REFRESH_EARLY_MS = 60_000;

/** A modal "who are you?" with one button per person. */
function askWho(people: DemoPerson[]): Promise<string> {
  const dialog = document.createElement('dialog');
  dialog.className = 'demo-who';
  const heading = document.createElement('h2');
  heading.textContent = dt('session.who');
  const hint = document.createElement('p');
  hint.textContent = dt('session.hint');
  dialog.append(heading, hint);
  return new Promise((resolve) => {
    for (const person of people) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.person = person.id;
      button.textContent = `${person.name} — ${person.title}`;
      button.addEventListener('click', () => {
        dialog.close();
        dialog.remove();
        resolve(person.id);
      });
      dialog.append(button);
    }
    // Someone must be chosen: Escape does not leave the question unanswered.
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** Shows who is signed in, in the page's header, with a way to become someone else. */
function showWho(person: DemoPerson, forget: () => void): void {
  const bar = document.querySelector('.crm-bar');
  if (!bar) return;
  const who = document.createElement('span');
  who.className = 'demo-signed-in';
  who.id = 'signed-in-as';
  who.textContent = `${person.name} (${person.title}) `;
  const change = document.createElement('button');
  change.type = 'button';
  change.textContent = dt('session.switch');
  change.addEventListener('click', () => {
    forget();
    // The page's URL keeps ?as= (to reopen as the same person); asking again means dropping it.
    const url = new URL(location.href);
    url.searchParams.delete('as');
    location.replace(url);
  });
  who.append(change);
  bar.append(who);
}

async function fetchConfig(): Promise<DemoConfig> {
  const answer = await fetch('/demo-config.json');
  if (!answer.ok) throw new Error(`/demo-config.json answered ${answer.status}.`);
  return (await answer.json()) as DemoConfig;
}

export async function demoSession(options: { ask?: boolean } = {}): Promise<DemoSession> {
  let configToken: string | undefined;
  const { value: config, savedAt } = await networkFirst<SavedConfig>('config', async () => {
    const { token, ...rest } = await fetchConfig();
    configToken = token;
    return { ...rest, tokenInConfig: token !== undefined };
  });
  const forget = () => sessionStorage.removeItem(PERSON_KEY);
  if (config.tokenInConfig) {
    // Loaded from the saved copy, the page has no token yet: it asks the server again once it
    // answers, and until then the kit's requests fail as the network does (so the kit stays offline).
    const getToken = async () => (configToken ??= await fetchConfig().then((fresh) => fresh.token, () => undefined)) ?? '';
    return { apiBase: config.apiBase, getToken, userKey: 'demo-user', forget, savedAt };
  }
  const people = config.people ?? [];
  if (!config.signIn || people.length === 0) throw new Error('The server offers neither a token nor a demo sign-in.');
  const asked = new URLSearchParams(location.search).get('as') ?? sessionStorage.getItem(PERSON_KEY);
  const personId = people.some((p) => p.id === asked) ? (asked as string) : options.ask === false ? people[0].id : await askWho(people);
  sessionStorage.setItem(PERSON_KEY, personId);
  const person = people.find((p) => p.id === personId) as DemoPerson;
  showWho(person, forget);

  const signIn = config.signIn;
  let current: Promise<{ token: string; expiresAt: number }> | undefined;
  const fetchToken = async () => {
    const answer = await fetch(signIn, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ person: personId }) });
    if (!answer.ok) throw new Error(`The demo sign-in answered ${answer.status}.`);
    const body = (await answer.json()) as { token: string; expiresAt: string };
    return { token: body.token, expiresAt: Date.parse(body.expiresAt) };
  };
  const getToken = async () => {
    const held = current && (await current.catch(() => undefined));
    if (!held || held.expiresAt - Date.now() < REFRESH_EARLY_MS) {
      // One request for a fresh token, however many calls ask at once.
      if (!current || held) current = fetchToken();
      const fresh = current;
      fresh.catch(() => {
        if (current === fresh) current = undefined;
      });
      try {
        return (await fresh).token;
      } catch (error) {
        // The server out of reach: the kit's request would fail the same way. Going on with the old
        // token (or none) lets it fail as a network error, which the kit reads as offline, rather
        // than as an error of the page's own.
        if (error instanceof TypeError) return held?.token ?? '';
        throw error;
      }
    }
    return held.token;
  };
  return { apiBase: config.apiBase, getToken, userKey: `demo-${personId}`, forget, savedAt };
}
