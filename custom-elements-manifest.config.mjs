// `npm run analyze`: the manifest of every element, from the JSDoc of the classes in src/components.
export default {
  globs: ['src/components/**/*.ts', 'src/events/**/*.ts'],
  exclude: ['**/*.styles.ts', '**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
};
