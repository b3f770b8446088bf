import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { VitePWA } from 'vite-plugin-pwa';

// The demo built for production mode (`npm run serve`): its pages with what they import, bundled into
// dist-demo/, apart from the library's dist/ (which the package ships). The embed and preset pages are
// left out: they need the single-file bundle or the tests' fakes, which production mode does not serve.
//
// Its service worker (Workbox's generateSW through vite-plugin-pwa, the usual well-kept pair) lets
// both pages load with no network after one visit. It precaches the built files and has no other
// route: /api/*, /t/* (tracking), /demo-config.json and the demo sign-in match none, so the worker
// never answers them and they go to the network as without it, never cached. Only this config has
// the plugin: the library's build (vite.config.ts), and so the package, ship no worker.
export default defineConfig({
  root: 'demo',
  build: {
    target: 'es2022',
    outDir: resolve('dist-demo'),
    emptyOutDir: true,
    rolldownOptions: { input: { index: resolve('demo/index.html'), campaign: resolve('demo/campaign.html') } },
  },
  plugins: [
    VitePWA({
      strategies: 'generateSW',
      // demo/offline-shell.ts registers it, in the built pages only; no inline script (the CSP has none).
      injectRegister: false,
      // Not an installable app: no web app manifest.
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,ico,svg,png,woff2}'],
        // The pages are opened as /?recipient=42&as=sam or /campaign.html?campaign=…: the precached
        // page answers whatever the query (the files themselves are named by their hash).
        ignoreURLParametersMatching: [/.*/],
        // Two pages, no single-page fallback: a navigation elsewhere (a tracking link) goes to the network.
        navigateFallback: null,
        cleanupOutdatedCaches: true,
        // The first visit's page is controlled at once, so a reload right after works offline.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
});
