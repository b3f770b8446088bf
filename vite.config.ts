import { defineConfig } from 'vite';
import { readdirSync } from 'node:fs';
import { viteMinifyLiterals } from './scripts/minify-literals.mjs';

// The library build: one ES module per public entry, lit/@lit/context/idb/valibot left to the host's
// bundler (they are dependencies), so two elements share one copy of Lit.
const defineEntries = Object.fromEntries(
  readdirSync('src/define')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`define/${file.replace(/\.ts$/, '')}`, `src/define/${file}`]),
);

// Presets for other backends: each src/presets/<name>.ts is `campaign-response-kit/presets/<name>`
// (their parts live in folders beside them).
const presetEntries = Object.fromEntries(
  readdirSync('src/presets')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`presets/${file.replace(/\.ts$/, '')}`, `src/presets/${file}`]),
);

export default defineConfig({
  // The kit's Lit templates and styles minified (whitespace, CSS), as in the single-file bundle.
  plugins: [viteMinifyLiterals()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // 'hidden': the maps are written for a build from the repository (they lead back to src/ as
    // written) but not linked from the code: the package leaves them and src/ out (they would double
    // the tarball), and a host's bundler would warn about a linked map it cannot find.
    sourcemap: 'hidden',
    lib: {
      // i18n/de: the German table, which the kit imports only dynamically (when an element's lang asks
      // for it); an entry of its own so that a host can also import it by name.
      entry: { kit: 'src/index.ts', model: 'src/model/index.ts', adapter: 'src/adapter/index.ts', 'i18n/de': 'src/i18n/de.ts', ...defineEntries, ...presetEntries },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, /^@lit-labs\//, /^idb(\/|$)/, /^valibot(\/|$)/],
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
