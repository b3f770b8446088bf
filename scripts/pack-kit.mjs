#!/usr/bin/env node
// The package as npm would publish it: `npm pack` (whose prepack builds), then the checks an adopter's
// tools would make. Run by CI (.ci/run); `node scripts/pack-kit.mjs` alone does the same.
//   1. the tarball's packed size, at most PACKED_BUDGET bytes (npm's kB are 1000 bytes);
//   2. publint (what a bundler or Node would trip on in package.json and the files it names);
//   3. @arethetypeswrong/cli with the esm-only profile (the kit is ES modules; CommonJS reaches it
//      through Node's require(esm), see test/node/package-require.test.ts).
// Each must report nothing: publint not even a suggestion, attw no problem in the profile.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PACKED_BUDGET = 450_000;

/**
 * Packs the kit into `destination` (a new temporary folder by default) and returns the tarball's
 * path, its packed and unpacked sizes in bytes, and its file count. `build: false` skips prepack
 * (for a caller that has just built).
 */
export function packKit({ destination = mkdtempSync(join(tmpdir(), 'cr-pack-')), build = true } = {}) {
  const args = ['pack', '--json', '--pack-destination', destination, ...(build ? [] : ['--ignore-scripts'])];
  // prepack's build prints to the same stdout as --json, so the JSON is what follows the last line "[".
  const result = spawnSync('npm', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`npm pack failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  const start = result.stdout.lastIndexOf('\n[\n');
  const [packed] = JSON.parse(result.stdout.slice(start < 0 ? 0 : start + 1));
  return { tarball: join(destination, packed.filename), size: packed.size, unpackedSize: packed.unpackedSize, files: packed.files.length, destination };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** Runs a checker; it passes when it exits 0 and, if `quietWhenGood` is given, prints that. */
function run(label, command, args, quietWhenGood) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`.trim();
  const good = result.status === 0 && (!quietWhenGood || output.includes(quietWhenGood));
  if (good) console.log(`${label}: nothing to report`);
  else console.log(`${label}: FAILED (exit ${result.status})\n${output}`);
  return good;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --keep <folder>: the tarball stays there (CI's adoption step installs it), and so does the build.
  const keepAt = process.argv.indexOf('--keep');
  const keep = keepAt > 0 ? process.argv[keepAt + 1] : undefined;
  const packed = packKit({ build: !process.argv.includes('--no-build'), ...(keep ? { destination: keep } : {}) });
  try {
    const fits = packed.size <= PACKED_BUDGET;
    console.log(`tarball: ${kB(packed.size)} packed (budget ${kB(PACKED_BUDGET)}: ${fits ? 'holds' : 'OVER'}), ${kB(packed.unpackedSize)} unpacked, ${packed.files} files`);
    const lint = run('publint', 'npx', ['publint', 'run', packed.tarball, '--strict', '--level', 'suggestion'], 'All good!');
    const types = run('attw (profile esm-only)', 'npx', ['attw', packed.tarball, '--profile', 'esm-only', '--no-summary', '--format', 'ascii', '--quiet'])
      || run('attw (profile esm-only), in full', 'npx', ['attw', packed.tarball, '--profile', 'esm-only']);
    if (!fits || !lint || !types) process.exitCode = 1;
  } finally {
    if (!keep) rmSync(packed.destination, { recursive: true, force: true });
  }
}
