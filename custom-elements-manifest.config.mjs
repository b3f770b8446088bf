// `npm run analyze`: the manifest of every element, from the JSDoc of the classes in src/components,
// and from it the editors' data: VS Code's custom data and JetBrains' web-types, in editors/ (shipped
// in the package; CI fails when they are stale, as for the manifest).
import { readFileSync } from 'node:fs';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { sharedDocsPlugin } from './scripts/manifest-shared-docs.mjs';

// The repository's address lives in package.json alone.
const repository = JSON.parse(readFileSync('package.json', 'utf8')).repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
/** The element's section of the reference, by absolute URL: it must work from an editor's hover. */
const reference = (tag) => ({ name: 'Reference', url: `${repository}/blob/main/docs/reference.md#${tag}` });

export default {
  globs: ['src/components/**/*.ts', 'src/events/**/*.ts'],
  exclude: ['**/*.styles.ts', '**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [
    sharedDocsPlugin(),
    {
      // The analyzer reads files concurrently, so its module order varies from run to run; sorted,
      // the manifest is the same bytes for the same sources (CI compares it byte for byte).
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
    {
      // Private members (TypeScript `private`, and `#names`) are no one's API, and their
      // initialisers' source text made the manifest stale at every change inside a method.
      name: 'drop-private-members',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.members) declaration.members = declaration.members.filter((member) => member.privacy !== 'private');
          }
        }
      },
    },
    {
      // The shipped manifest describes the elements and their events. The modules of their inner
      // parts (controllers, render helpers, base classes) are analysed, so that inherited members
      // reach each element, and then left out: no one's API, and half the manifest's bytes in the
      // package (50.7 KB gzipped with them, 24.2 KB without).
      name: 'elements-and-events-only',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules = customElementsManifest.modules.filter(
          (module) => module.path.startsWith('src/events/') || (module.declarations ?? []).some((declaration) => declaration.customElement),
        );
      },
    },
    customElementVsCodePlugin({
      outdir: 'editors',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      // An element's tokens and parts are in the CSS data (offered where CSS is written) and its
      // reference: repeated in each element's hover they were a third of the editors' bytes.
      hideCssPropertiesDocs: true,
      hideCssPartsDocs: true,
      referencesTemplate: (_name, tag) => [reference(tag)],
    }),
    customElementJetBrainsPlugin({
      outdir: 'editors',
      webTypesFileName: 'web-types.json',
      hideLogs: true,
      hideCssPropertiesDocs: true,
      hideCssPartsDocs: true,
      referencesTemplate: (_name, tag) => reference(tag),
    }),
  ],
};
