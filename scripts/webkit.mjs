// WebKit (Safari's engine) on Linux: WebKitGTK's MiniBrowser driven by WebKitWebDriver (W3C
// WebDriver), on an Xvfb display because MiniBrowser has no headless mode. Used by the WebKit
// web-test-runner config and the WebKit end-to-end driver.
// Debian: `apt-get install -y webkit2gtk-driver xvfb xauth`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const WEBKIT_HOW_TO =
  'Install WebKitGTK\'s WebDriver and a virtual display (Debian: `sudo apt-get install -y webkit2gtk-driver xvfb xauth`).';

/** Where Debian's (and Ubuntu's, Fedora's) WebKitGTK packages put MiniBrowser. */
const MINIBROWSER_PATHS = [
  process.env.MINIBROWSER_PATH,
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
];

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** MiniBrowser's path, when WebKitWebDriver, xvfb-run and MiniBrowser are all installed; else null. */
export function findWebKit() {
  if (!onPath('WebKitWebDriver') || !onPath('xvfb-run')) return null;
  return MINIBROWSER_PATHS.find((path) => path && existsSync(path)) ?? null;
}

/** The W3C capabilities of a MiniBrowser session (`--automation`: it accepts being driven). */
export function webkitCapabilities(miniBrowser) {
  return {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
    // webdriverio 9 asks for a WebDriver BiDi socket by default, which WebKitWebDriver does not offer.
    'wdio:enforceWebDriverClassic': true,
  };
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts `xvfb-run -a WebKitWebDriver --port=N` and waits until it answers; `env` reaches the
 * browsers it launches (TZ, LANG). `stop()` ends that
 * process group only (xvfb-run, its Xvfb, the driver and the MiniBrowsers it launched): the
 * group is started detached so that it is ours alone to end.
 */
export async function startWebKitDriver(env = {}) {
  const port = await freePort();
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`, '--host=127.0.0.1'], {
    detached: true,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors = (errors + chunk).slice(-2000)));
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  // A runner that exits without stopping (Ctrl+C, a crash) must not leave a display and a browser behind.
  process.once('exit', stop);
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (exited) throw new Error(`WebKitWebDriver exited: ${errors}`);
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/status`);
      if (answer.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`WebKitWebDriver did not answer on port ${port} within 20 s: ${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { hostname: '127.0.0.1', port, stop };
}
