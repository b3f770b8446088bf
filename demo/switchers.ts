/// <reference types="vite/client" />
// The demo's theme and language switches: what a host page does to theme and translate the kit.
// Light is the kit's default (themes/light.css writes it out); dark is a class from themes/dark.css;
// "Host CRM" is demo/themes/host-crm.css, made only of tokens and parts. The language is the `lang`
// of <html>, which every element follows.
import '../themes/light.css';
import '../themes/dark.css';
import './themes/host-crm.css';

const THEMES = { light: 'Light', dark: 'Dark', 'host-crm': 'Host CRM' } as const;
const LANGUAGES = { en: 'English', de: 'Deutsch' } as const;
type Theme = keyof typeof THEMES;
type Language = keyof typeof LANGUAGES;

function choose<K extends string>(label: string, options: Record<K, string>, current: K, apply: (value: K) => void): HTMLLabelElement {
  const wrapper = document.createElement('label');
  wrapper.className = 'demo-switch';
  const select = document.createElement('select');
  for (const [value, text] of Object.entries(options) as [K, string][]) select.append(new Option(text, value, false, value === current));
  select.addEventListener('change', () => apply(select.value as K));
  wrapper.append(label, ' ', select);
  return wrapper;
}

/** Adds the switches to the header and applies `?theme=` and `?lang=` (kept when navigating). */
export function installSwitchers(): void {
  const params = new URLSearchParams(location.search);
  const theme = (params.get('theme') ?? 'light') as Theme;
  const language = (params.get('lang') ?? 'en') as Language;
  const root = document.documentElement;
  const applyTheme = (value: Theme) => {
    root.classList.remove('cr-theme-dark', 'cr-theme-host-crm');
    if (value !== 'light') root.classList.add(`cr-theme-${value}`);
    remember('theme', value, 'light');
  };
  const applyLanguage = (value: Language) => {
    root.lang = value;
    remember('lang', value, 'en');
  };
  applyTheme(THEMES[theme] ? theme : 'light');
  applyLanguage(LANGUAGES[language] ? language : 'en');
  const bar = document.querySelector('.crm-bar');
  const box = document.createElement('div');
  box.className = 'demo-switches';
  box.append(choose('Theme', THEMES, theme, applyTheme), choose('Language', LANGUAGES, language, applyLanguage));
  bar?.append(box);
}

/** Keeps the choice in the address and in the links between the demo pages. */
function remember(name: string, value: string, fallback: string): void {
  const url = new URL(location.href);
  if (value === fallback) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  history.replaceState(null, '', url);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.crm-nav a')) {
    const target = new URL(link.href);
    if (value === fallback) target.searchParams.delete(name);
    else target.searchParams.set(name, value);
    link.href = target.toString();
  }
}
