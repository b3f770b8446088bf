// The manifest's shared documentation, written once here instead of in every element's JSDoc (which
// it made longer than the code): the global tokens an element reads (`@cssprop-globals` in its JSDoc),
// and the parts an element re-exports from a child (`@exportparts-doc <prefix> <tag> <owner words>`),
// each `<prefix>__<part>` described from the child's own entry. The manifest comes out the same as if
// they were written in the JSDoc (parts-and-tokens.test.ts checks it against what renders).

/** Every element's global tokens, as `@cssprop [name=default] - description` would give them. */
export const GLOBAL_TOKENS = [
  { description: 'Global: background of the element, fields and buttons.', name: '--cr-color-surface', default: '#fff' },
  { description: 'Global: header rows, skeleton, hovered items.', name: '--cr-color-surface-alt', default: '#f3f4f6' },
  { description: 'Global: text.', name: '--cr-color-text', default: '#1b1b1b' },
  { description: 'Global: secondary text (at least 4.5:1 on the surfaces).', name: '--cr-color-text-muted', default: '#4a4a4a' },
  { description: 'Global: dividing lines and frames.', name: '--cr-color-border', default: '#c4c7cc' },
  { description: 'Global: borders of buttons and form controls (at least 3:1).', name: '--cr-color-border-control', default: '#767b84' },
  { description: 'Global: primary buttons, links, the first chart series.', name: '--cr-color-accent', default: '#0b5cad' },
  { description: 'Global: text on the accent.', name: '--cr-color-on-accent', default: '#fff' },
  { description: 'Global: errors, failed edits, destructive buttons.', name: '--cr-color-danger', default: '#a4001d' },
  { description: 'Global: text on the danger colour.', name: '--cr-color-on-danger', default: '#fff' },
  { description: 'Global: status colour for good news (online, a chart series).', name: '--cr-color-success', default: '#2e7d32' },
  { description: 'Global: status colour for caution (offline, conflicts, a chart series).', name: '--cr-color-warning', default: '#8a4b00' },
  { description: 'Global: the focus ring.', name: '--cr-color-focus', default: '#1a5fd0' },
  { description: 'Global: background of snackbars.', name: '--cr-color-inverse-surface', default: '#1f1f1f' },
  { description: 'Global: text on the inverse surface.', name: '--cr-color-on-inverse', default: '#fff' },
  { description: 'Global: behind modal dialogs.', name: '--cr-color-backdrop', default: 'rgb(0 0 0 / 0.4)' },
  { description: 'Global: shadow of menus and snackbars.', name: '--cr-shadow-raised', default: '0 2px 8px rgb(0 0 0 / 0.2)' },
  { description: 'Global: the font (the page\'s by default).', name: '--cr-font-family', default: 'inherit' },
  { description: 'Global: small text (notes, hints, marks).', name: '--cr-font-size-s', default: '0.875em' },
  { description: 'Global: section and dialog headings.', name: '--cr-font-size-heading', default: '1.15rem' },
  { description: 'Global: an element\'s title.', name: '--cr-font-size-title', default: '1.25rem' },
  { description: 'Global: emphasised text (labels, titles, totals).', name: '--cr-font-weight-strong', default: '600' },
  { description: 'Global: the base unit of space; the steps below follow it.', name: '--cr-space', default: '0.5rem' },
  { description: 'Global: the smallest gap.', name: '--cr-space-xs', default: 'calc(var(--cr-space) * 0.25)' },
  { description: 'Global: small gaps, block padding of buttons.', name: '--cr-space-s', default: 'calc(var(--cr-space) * 0.5)' },
  { description: 'Global: the usual gap and padding.', name: '--cr-space-m', default: 'var(--cr-space)' },
  { description: 'Global: space between sections.', name: '--cr-space-l', default: 'calc(var(--cr-space) * 2)' },
  { description: 'Global: small corners (legend swatches).', name: '--cr-radius-s', default: '2px' },
  { description: 'Global: corners of buttons, fields, frames.', name: '--cr-radius-m', default: '4px' },
  { description: 'Global: round buttons.', name: '--cr-radius-round', default: '999px' },
];

/** The cem plugin: reads the two tags in analyzePhase, fills the entries in packageLinkPhase. */
export function sharedDocsPlugin() {
  /** Per class name: whether it takes the globals, and the exported parts it declares. */
  const wanted = new Map();
  return {
    name: 'shared-docs',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const tags = ts.getJSDocTags(node).map((tag) => [tag.tagName.getText(), typeof tag.comment === 'string' ? tag.comment.trim() : '']);
      const globals = tags.some(([name]) => name === 'cssprop-globals');
      const exports = tags.filter(([name]) => name === 'exportparts-doc').map(([, text]) => {
        const [, prefix, tag, owner] = /^(\S+)\s+(\S+)\s+(.+)$/.exec(text) ?? [];
        if (!owner) throw new Error(`${node.name.getText()}: @exportparts-doc wants "<prefix> <tag> <owner words>", got "${text}"`);
        return { prefix, tag, owner };
      });
      if (globals || exports.length) wanted.set(node.name.getText(), { globals, exports });
    },
    packageLinkPhase({ customElementsManifest }) {
      const declarations = customElementsManifest.modules.flatMap((module) => module.declarations ?? []);
      const byTag = new Map(declarations.filter((d) => d.tagName).map((d) => [d.tagName, d]));
      for (const declaration of declarations) {
        const want = wanted.get(declaration.name);
        if (!want) continue;
        for (const { prefix, tag, owner } of want.exports) {
          const child = byTag.get(tag);
          if (!child) throw new Error(`${declaration.name}: @exportparts-doc names ${tag}, which the manifest does not have`);
          const parts = (child.cssParts ?? []).map((part) => ({ description: `${owner} \`${part.name}\`: ${part.description}`, name: `${prefix}__${part.name}` }));
          declaration.cssParts = [...(declaration.cssParts ?? []), ...parts];
        }
        if (want.globals) declaration.cssProperties = [...(declaration.cssProperties ?? []), ...GLOBAL_TOKENS.map((token) => ({ ...token }))];
      }
    },
  };
}
