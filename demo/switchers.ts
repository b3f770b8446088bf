/// <reference types="vite/client" />
// The demo's theme and language switches: what a host page does to theme and translate the kit.
// Light is the kit's default (themes/light.css writes it out); dark is a class from themes/dark.css;
// "Host CRM" is demo/themes/host-crm.css, made only of tokens and parts. The language is the `lang`
// of <html>, which every element follows.
import '../themes/light.css';
import '../themes/dark.css';
import './themes/host-crm.css';
import { translateDemoPage, type DemoKey } from './demo-strings.js';

const THEMES = { light: 'theme.light', dark: 'theme.dark', 'host-crm': 'theme.host-crm' } as const satisfies Record<string, DemoKey>;
const LANGUAGES = { en: 'English', de: 'Deutsch' } as const;
type Theme = keyof typeof THEMES;
type Language = keyof typeof LANGUAGES;

/** A labelled select; `label` and, with `translated`, the options' texts are the demo's string keys. */
function choose<K extends string>(label: DemoKey, options: Record<K, string>, current: K, apply: (value: K) => void, translated = false): HTMLLabelElement {
  const wrapper = document.createElement('label');
  wrapper.className = 'demo-switch';
  const name = document.createElement('span');
  name.dataset.demoText = label;
  const select = document.createElement('select');
  for (const [value, text] of Object.entries(options) as [K, string][]) {
    const option = new Option(text, value, false, value === current);
    if (translated) option.dataset.demoText = text;
    select.append(option);
  }
  select.addEventListener('change', () => apply(select.value as K));
  wrapper.append(name, ' ', select);
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
    translateDemoPage();
  };
  const bar = document.querySelector('.crm-bar');
  const box = document.createElement('div');
  box.className = 'demo-switches';
  box.append(choose('switch.theme', THEMES, theme, applyTheme, true), choose('switch.language', LANGUAGES, language, applyLanguage));
  bar?.append(box);
  applyTheme(THEMES[theme] ? theme : 'light');
  applyLanguage(LANGUAGES[language] ? language : 'en');
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
