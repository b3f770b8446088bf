// The package root: side-effect free. Importing it registers no element; use `./define/<tag>.js`.
export * from './model/index.js';
export * from './adapter/index.js';
