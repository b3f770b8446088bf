// Generated from custom-elements.json by scripts/gen-framework-types.mjs (npm run analyze): do not edit.
// Types only: see svelte.d.ts.
export {};
