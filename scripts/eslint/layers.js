// ESLint rule: the import directions of ../shared/DESIGN.md, checked on resolved paths.
//   features/<a> → procedure, zendesk, ui, app (never another feature)
//   zendesk → procedure ·  ui → procedure, zendesk ·  procedure → nothing of the app
//   sandbox → nothing of src/ (it stands in for Zendesk)
import { dirname, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');

/** 'src/features/checklist/x.tsx' → ['features', 'checklist']; 'sandbox/host/a.js' → ['sandbox']. */
function layerOf(file) {
  const parts = relative(root, file).split('/');
  if (parts[0] === 'sandbox') return { layer: 'sandbox' };
  if (parts[0] !== 'src') return null;
  if (parts[1] === 'features') return { layer: 'features', feature: parts[2] };
  return { layer: parts[1] };
}

const allowed = {
  procedure: [],
  zendesk: ['procedure'],
  ui: ['procedure', 'zendesk'],
  features: ['procedure', 'zendesk', 'ui', 'app'],
  app: ['procedure', 'zendesk', 'ui', 'features'],
};

export const layers = {
  meta: { type: 'problem', messages: { forbidden: '{{from}} may not import {{to}} ({{why}}).' }, schema: [] },
  create(context) {
    const from = layerOf(context.filename);
    if (!from) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = layerOf(resolve(dirname(context.filename), source));
      if (!to) return;
      let why = null;
      if (from.layer === 'sandbox') why = to.layer === 'sandbox' ? null : 'the sandbox stands in for Zendesk and never uses the app';
      else if (to.layer === 'sandbox') why = null; // tests' shared fixtures only; src never reaches here in practice
      else if (from.layer === 'features' && to.layer === 'features') why = from.feature === to.feature ? null : 'a feature never imports another feature: move the shared piece to ui/ or procedure/';
      else if (from.layer !== to.layer && allowed[from.layer] && !allowed[from.layer].includes(to.layer)) why = 'see the import directions in DESIGN.md';
      if (why) context.report({ node, messageId: 'forbidden', data: { from: from.feature ? `features/${from.feature}` : from.layer, to: to.feature ? `features/${to.feature}` : to.layer, why } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: (node) => check({ source: node.source, ...node }) };
  },
};
