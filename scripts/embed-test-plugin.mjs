// A web-test-runner plugin for the embedding tests (test/browser/embed-*.test.ts).
//
// - `/__cr-embed/campaign-kit.bundle.js`: the single-file bundle, built in memory by the same
//   `buildBundle()` that `npm run build` uses, so the plain-HTML test proves the shipped recipe without a
//   prior build; beside it the files it imports (`campaign-kit.de.js`, the chunks on demand).
// - `react`, `react-dom`, `react-dom/client` and `vue`, as one esbuild build with shared chunks (one copy
//   of React for react and react-dom). React is CommonJS and Vue's ESM build reads `process.env` and
//   compile-time flags; a host's bundler (Vite in demo/embed/) handles both, the test runner's plain
//   node-resolve does not.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';
import { buildBundle } from './build-bundle.mjs';

const BASE = '/__cr-embed/';
export const BUNDLE_URL = `${BASE}campaign-kit.bundle.js`;

/** The bare specifiers served from the shared build, and the file each becomes. */
const FRAMEWORKS = { react: 'react', 'react-dom': 'react-dom', 'react-dom/client': 'react-dom-client', vue: 'vue' };
/** CommonJS packages the kit itself imports (the bulk entry's CSV parser), each built alone: quick, and without React. */
const KIT_CJS = { papaparse: 'papaparse' };
const identifier = /^[A-Za-z_$][\w$]*$/;

/** An ES module entry for a package: `export *` for ESM, the named keys of `module.exports` for CommonJS. */
function entrySource(specifier) {
  if (specifier === 'vue') return `export * from 'vue';`;
  // Read in a child process: React touches `console` when loaded, and the runner's console objects to that.
  const keys = JSON.parse(execFileSync(process.execPath, ['-p', `JSON.stringify(Object.keys(require(${JSON.stringify(specifier)})))`], { encoding: 'utf8' }));
  const names = keys.filter((name) => identifier.test(name) && name !== 'default');
  return `import * as m from '${specifier}';\nexport default m.default ?? m;\nexport const { ${names.join(', ')} } = m;`;
}

async function buildFrameworks(specifiers = FRAMEWORKS) {
  const result = await build({
    entryPoints: Object.entries(specifiers).map(([specifier, out]) => ({ in: `cr-entry:${specifier}`, out })),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: 'cr-embed-out',
    write: false,
    logLevel: 'warning',
    define: {
      'process.env.NODE_ENV': '"development"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: [{
      name: 'cr-entries',
      setup(b) {
        b.onResolve({ filter: /^cr-entry:/ }, (args) => ({ path: args.path.slice('cr-entry:'.length), namespace: 'cr-entry' }));
        b.onLoad({ filter: /.*/, namespace: 'cr-entry' }, (args) => ({ contents: entrySource(args.path), resolveDir: process.cwd(), loader: 'js' }));
      },
    }],
  });
  return new Map(result.outputFiles.map((file) => [`${BASE}${basename(file.path)}`, file.text]));
}

export function embedTestPlugin() {
  let frameworks;
  let kitCjs;
  let bundle;
  return {
    name: 'cr-embed',
    resolveImport({ source }) {
      if (source in FRAMEWORKS) return `${BASE}${FRAMEWORKS[source]}.js`;
      if (source in KIT_CJS) return `${BASE}${KIT_CJS[source]}.js`;
      return undefined;
    },
    async serve({ path }) {
      // Built anew for each load of the bundle; its language files come from the same build.
      if (path === BUNDLE_URL) {
        bundle = buildBundle({ write: false });
        return { body: (await bundle).text, type: 'js' };
      }
      if (!path.startsWith(BASE)) return undefined;
      const chunk = bundle && (await bundle).chunks.get(path.slice(BASE.length));
      if (chunk !== undefined) return { body: chunk, type: 'js' };
      if (Object.values(KIT_CJS).some((name) => path === `${BASE}${name}.js`)) {
        kitCjs ??= buildFrameworks(KIT_CJS);
        return { body: (await kitCjs).get(path), type: 'js' };
      }
      frameworks ??= buildFrameworks();
      const body = (await frameworks).get(path);
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}
