#!/usr/bin/env node
// Typings for the frameworks that type their templates, generated from custom-elements.json (run by
// `npm run analyze`; CI fails when they are stale, as it does for the manifest):
//   frameworks/react.d.ts   React 19's JSX.IntrinsicElements: properties, attributes, events as
//                           `oncr-response-saved` (React 19 listens for `on` + the event's name);
//   frameworks/vue.d.ts     Vue's GlobalComponents: properties, events as `onCrResponseSaved`;
//   frameworks/svelte.d.ts  Svelte 5's SvelteHTMLElements: properties, attributes, events as
//                           `oncr-response-saved`.
// Each is a package export (`campaign-response-kit/react`, `/vue`, `/svelte`) with an empty module
// beside it, so `import type {} from 'campaign-response-kit/react'` or a side-effect import both work.
// Property types are the classes' own (`CampaignResponsesTab['dataClient']`), not the manifest's text:
// the manifest says which members and events there are, TypeScript what they are.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'frameworks');
const HEADER = '// Generated from custom-elements.json by scripts/gen-framework-types.mjs (npm run analyze): do not edit.\n';

/** Every registered element: its class, the properties a host may set, the attributes, the events. */
export function elementsOf(manifest) {
  const elements = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const properties = (declaration.members ?? []).filter((member) =>
        member.kind === 'field' && !member.static && !member.readonly && (member.privacy ?? 'public') === 'public');
      const attributes = (declaration.attributes ?? []).filter((attribute) => attribute.fieldName && attribute.name !== attribute.fieldName);
      const events = (declaration.events ?? []).filter((event) => event.name && event.type?.text);
      elements.push({ tag: declaration.tagName, className: declaration.name, summary: declaration.summary ?? '', properties, attributes, events });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

const pascal = (tag) => tag.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase());
const doc = (text, indent = '  ') => (text ? `${indent}/** ${text.replace(/\s*\n\s*/g, ' ').replace(/\*\//g, '*\\/')} */\n` : '');
const quoted = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

function imports(elements) {
  const names = new Set();
  for (const element of elements) {
    names.add(element.className);
    for (const event of element.events) names.add(event.type.text);
  }
  return `import type { ${[...names].sort().join(', ')} } from 'campaign-response-kit';\n`;
}

/** The members every framework shares: properties typed by the class, attributes (kebab-case) as strings. */
function members(element, { attributes }) {
  let text = '';
  for (const property of element.properties) {
    text += doc(property.description);
    text += `  ${quoted(property.name)}?: ${element.className}[${JSON.stringify(property.name)}];\n`;
  }
  if (attributes) {
    for (const attribute of element.attributes) {
      text += doc(`Attribute of the \`${attribute.fieldName}\` property.`);
      text += `  ${quoted(attribute.name)}?: string;\n`;
    }
  }
  return text;
}

function events(element, nameOf) {
  return element.events
    .map((event) => `${doc(event.description)}  ${quoted(nameOf(event.name))}?: (event: ${event.type.text}) => void;\n`)
    .join('');
}

const camelEvent = (name) => `on${name.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase())}`;

function react(elements) {
  let text = `${HEADER}import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n${imports(elements)}\n`;
  for (const element of elements) {
    text += `/** \`<${element.tag}>\` in React 19 JSX: properties, attributes, and events as \`on\` + the event's name. */\n`;
    text += `export interface ${pascal(element.tag)}ReactProps extends DetailedHTMLProps<HTMLAttributes<${element.className}>, ${element.className}> {\n`;
    text += `${members(element, { attributes: true })}${events(element, (name) => `on${name}`)}}\n\n`;
  }
  text += `declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n`;
  for (const element of elements) text += `      '${element.tag}': ${pascal(element.tag)}ReactProps;\n`;
  return `${text}    }\n  }\n}\n`;
}

function vue(elements) {
  let text = `${HEADER}import type { DefineComponent } from 'vue';\n${imports(elements)}\n`;
  for (const element of elements) {
    text += `/** \`<${element.tag}>\` in Vue: properties, and events as \`onCrResponseSaved\` (\`@cr-response-saved\` in templates). */\n`;
    text += `export interface ${pascal(element.tag)}VueProps {\n${members(element, { attributes: false })}${events(element, camelEvent)}}\n\n`;
  }
  text += `declare module 'vue' {\n  interface GlobalComponents {\n`;
  for (const element of elements) text += `    '${element.tag}': DefineComponent<${pascal(element.tag)}VueProps>;\n`;
  return `${text}  }\n}\n`;
}

function svelte(elements) {
  let text = `${HEADER}import type { HTMLAttributes } from 'svelte/elements';\n${imports(elements)}\n`;
  for (const element of elements) {
    text += `/** \`<${element.tag}>\` in Svelte 5: properties, attributes, and events as \`on\` + the event's name. */\n`;
    text += `export interface ${pascal(element.tag)}SvelteProps extends HTMLAttributes<${element.className}> {\n`;
    text += `${members(element, { attributes: true })}${events(element, (name) => `on${name}`)}}\n\n`;
  }
  text += `declare module 'svelte/elements' {\n  interface SvelteHTMLElements {\n`;
  for (const element of elements) text += `    '${element.tag}': ${pascal(element.tag)}SvelteProps;\n`;
  return `${text}  }\n}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const elements = elementsOf(JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')));
  mkdirSync(OUT, { recursive: true });
  for (const [name, generate] of Object.entries({ react, vue, svelte })) {
    writeFileSync(join(OUT, `${name}.d.ts`), generate(elements));
    writeFileSync(join(OUT, `${name}.js`), `${HEADER}// Types only: see ${name}.d.ts.\nexport {};\n`);
  }
  console.log(`frameworks/: React, Vue and Svelte typings for ${elements.length} elements`);
}
