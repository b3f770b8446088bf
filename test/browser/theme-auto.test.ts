/**
 * auto.css follows prefers-color-scheme, set through the color-scheme of the <iframe> that holds a
 * document of its own (theme-frame.ts): Chromium and Firefox give a frame's document its iframe
 * element's color-scheme as prefers-color-scheme, and neither needs DevTools media emulation for it.
 * The WebKit config leaves this file out (WebKit does not pass the iframe's color-scheme on, and
 * WebDriver has no media emulation); parts-and-tokens.test.ts tests light.css and dark.css everywhere.
 */
import './setup.js';
import { expect } from '@open-wc/testing';
import { until } from './fake-adapter.js';
import { $ } from './helpers.js';

describe('auto.css', () => {
  it("follows prefers-color-scheme (an iframe's color-scheme sets its document's)", async () => {
    const light = { host: 'rgb(27, 27, 27)', header: 'rgb(243, 244, 246)' };
    // auto.css in a document of its own (theme-frame.ts in an iframe): the iframe element's
    // color-scheme sets that document's prefers-color-scheme, in every browser (DevTools media
    // emulation is Chromium only).
    const framed = async (scheme: 'light' | 'dark') => {
      const frame = document.createElement('iframe');
      frame.style.colorScheme = scheme;
      frame.srcdoc = `<!doctype html><link rel="stylesheet" href="/themes/auto.css">
        <script type="module" src="${new URL('./theme-frame.ts', import.meta.url).pathname}"></script>`;
      document.body.append(frame);
      try {
        const tab = () => frame.contentDocument?.querySelector('campaign-responses-tab');
        await until(() => frame.contentDocument?.querySelector('link')?.sheet && tab()?.shadowRoot?.querySelector('[part~="table"]'), 5000);
        const view = frame.contentWindow!;
        expect(view.matchMedia('(prefers-color-scheme: dark)').matches, `prefers-color-scheme in a ${scheme} frame`).to.equal(scheme === 'dark');
        return { host: view.getComputedStyle(tab()!).color, header: view.getComputedStyle($(tab()!, 'thead th')).backgroundColor };
      } finally {
        frame.remove();
      }
    };
    expect(await framed('light')).to.deep.equal(light);
    expect(await framed('dark')).to.deep.equal({ host: 'rgb(232, 232, 234)', header: 'rgb(43, 45, 49)' });
  });
});
