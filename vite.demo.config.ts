import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// The demo built for production mode (`npm run serve`): its pages with what they import, bundled into
// dist-demo/, apart from the library's dist/ (which the package ships). The embed and preset pages are
// left out: they need the single-file bundle or the tests' fakes, which production mode does not serve.
export default defineConfig({
  root: 'demo',
  build: {
    target: 'es2022',
    outDir: resolve('dist-demo'),
    emptyOutDir: true,
    rolldownOptions: { input: { index: resolve('demo/index.html'), campaign: resolve('demo/campaign.html') } },
  },
});
