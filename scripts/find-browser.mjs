// Finds the system browser the tests and benchmarks drive, or says exactly how to get one.
import { existsSync } from 'node:fs';

/**
 * Flags for the system Chromium as root in a closed network: no sandbox (root), no GPU, no
 * background connections it cannot make anyway (without them it keeps dialling unreachable hosts).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const candidates = {
  chromium: [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable', '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium'],
  firefox: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
};

const howTo = {
  chromium: 'Install Chromium (Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y chromium`) or set CHROME_PATH to a Chrome or Chromium binary.',
  firefox: 'Install Firefox (Debian: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH to a Firefox binary.',
};

/** The path of an installed browser of this kind; exits with instructions when there is none. */
export function findBrowser(kind = 'chromium') {
  const found = candidates[kind].find((path) => path && existsSync(path));
  if (found) return found;
  console.error(`\nNo ${kind} browser found for the browser tests.\n${howTo[kind]}\n`);
  process.exit(1);
}
