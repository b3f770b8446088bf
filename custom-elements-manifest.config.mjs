// `npm run analyze`: the manifest of every element, from the JSDoc of the classes in src/components.
export default {
  globs: ['src/components/**/*.ts', 'src/events/**/*.ts'],
  exclude: ['**/*.styles.ts', '**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [
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
  ],
};
