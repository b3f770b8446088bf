// Finds the browser the tests and benchmarks drive, or says exactly how to get one. Chromium: the
// system's (CHROME_PATH, then the usual install paths), else the one inside the npm package
// @sparticuz/chromium, so `npm test` passes on a machine with Node alone. CR_CHROMIUM=bundled skips
// the system's (CI runs a suite so, to keep the fallback working).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const systemOnly = (paths) => (process.env.CR_CHROMIUM === 'bundled' ? [] : paths);
const candidates = {
  chromium: systemOnly([process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable', '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium']),
  firefox: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
};

const howTo = {
  chromium: 'Install Chromium (Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y chromium`) or set CHROME_PATH to a Chrome or Chromium binary; on Linux x64, `npm install` brings one (@sparticuz/chromium).',
  firefox: 'Install Firefox (Debian: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH to a Firefox binary.',
};

/**
 * The Chromium of @sparticuz/chromium, unpacked once into node_modules/.cache, with the libraries it
 * needs (NSS, NSPR, expat: the package unpacks its copies only on Amazon Linux) put on
 * LD_LIBRARY_PATH for every browser this process starts. Launch it with CHROMIUM_ARGS, never the
 * package's `chromium.args`: those turn web security off, and CORS tests would pass falsely.
 * Undefined when the package is not installed (it is a devDependency) or not for this platform.
 */
async function bundledChromium() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  let entry;
  try {
    entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  } catch {
    return undefined;
  }
  const packageDir = resolve(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const cacheRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache');
  const dir = join(cacheRoot, `sparticuz-chromium-${version}`);
  const { inflate, setupLambdaEnvironment } = await import('@sparticuz/chromium');
  if (!existsSync(join(dir, 'chromium'))) {
    // inflate() unpacks into os.tmpdir(), which follows TMPDIR: a folder of this process's own, renamed
    // into place when complete, so a second process never sees half a browser.
    mkdirSync(cacheRoot, { recursive: true });
    const unpacking = mkdtempSync(join(cacheRoot, 'unpacking-'));
    const tmpdirBefore = process.env.TMPDIR;
    process.env.TMPDIR = unpacking;
    try {
      await Promise.all(['chromium.br', 'fonts.tar.br', 'swiftshader.tar.br', 'al2023.tar.br']
        .map((file) => inflate(join(packageDir, 'bin', file))));
    } finally {
      if (tmpdirBefore === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdirBefore;
    }
    // The package's fonts.conf names Lambda's folders (/tmp/fonts…): without a font, Skia aborts the
    // browser at the first text it lays out. Its fonts where they are, and the system's when it has any.
    writeFileSync(join(unpacking, 'fonts', 'fonts.conf'), `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${join(dir, 'fonts', 'fonts')}</dir>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <cachedir>${join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`);
    try {
      renameSync(unpacking, dir);
    } catch {
      rmSync(unpacking, { recursive: true, force: true }); // another process was first
    }
  }
  process.env.FONTCONFIG_PATH ??= join(dir, 'fonts');
  setupLambdaEnvironment(BUNDLED_LIBRARIES(dir));
  return join(dir, 'chromium');
}

/** Where the bundled Chromium's own NSS, NSPR and expat are (CI checks with ldd that they are the ones used). */
const BUNDLED_LIBRARIES = (dir) => join(dir, 'al2023', 'lib');

// Top-level await: findBrowser() stays synchronous for the configs that call it at load time.
const bundled = candidates.chromium.some((path) => path && existsSync(path)) ? undefined : await bundledChromium();
if (bundled) candidates.chromium.push(bundled);

/** The bundled Chromium's library folder when it is the one in use, else undefined. */
export const bundledLibraries = bundled ? BUNDLED_LIBRARIES(dirname(bundled)) : undefined;

/** The path of a browser of this kind; exits with instructions when there is none. */
export function findBrowser(kind = 'chromium') {
  const found = candidates[kind].find((path) => path && existsSync(path));
  if (found) return found;
  console.error(`\nNo ${kind} browser found for the browser tests.\n${howTo[kind]}\n`);
  process.exit(1);
}

/** The bundled Chromium's NSS, NSPR and expat libraries: ldd must resolve each from bundledLibraries. */
const BUNDLED_SONAMES = ['libnss3.so', 'libnssutil3.so', 'libnspr4.so', 'libplc4.so', 'libplds4.so', 'libexpat.so.1'];

// `node scripts/find-browser.mjs [--ldd]`: prints the Chromium the tests would drive; with --ldd, checks
// that the bundled one loads its own NSS, NSPR and expat, none from the system (CI, under CR_CHROMIUM=bundled).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const chromium = findBrowser('chromium');
  console.log(`chromium: ${chromium}${bundledLibraries ? ` (bundled; libraries from ${bundledLibraries})` : ''}`);
  if (process.argv.includes('--ldd')) {
    if (!bundledLibraries) {
      console.error('--ldd checks the bundled Chromium: run under CR_CHROMIUM=bundled.');
      process.exit(1);
    }
    const { execFileSync } = await import('node:child_process');
    const ldd = execFileSync('ldd', [chromium], { encoding: 'utf8', env: process.env });
    const resolved = new Map([...ldd.matchAll(/^\s*(\S+) => (\S+)/gm)].map(([, soname, path]) => [soname, path]));
    const wrong = BUNDLED_SONAMES.filter((soname) => !resolved.get(soname)?.startsWith(`${bundledLibraries}/`));
    for (const soname of BUNDLED_SONAMES) console.log(`  ${soname} => ${resolved.get(soname) ?? 'not found'}`);
    if (wrong.length) {
      console.error(`Not from the bundled libraries: ${wrong.join(', ')}`);
      process.exit(1);
    }
  }
}
