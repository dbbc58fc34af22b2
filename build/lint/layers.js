// ESLint rule "layers/one-way": imports point down the layers of docs/architecture.md, never up or across.
// Each area (common, main, renderer) has ordered layers; a file may import its own layer folder or any layer
// below it, and packages its area allows. Relative imports are resolved against the project root.
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** Layers from the top down; folders of one entry are peers and may not import each other. */
export const layers = {
  common: { layers: [['common']], packages: (name) => name === 'zod' },
  main: {
    layers: [
      ['main/hosts/launcher'],
      ['main/hosts/electron', 'main/hosts/web'],
      ['main/hosts/common'],
      ['main/cli'],
      ['main/app'],
      ['main/assisted', 'main/kiosk'],
      ['main/staff', 'main/content', 'main/speech'],
      ['main/journal'],
      ['main/state'],
      ['main/core'],
    ],
    packages: (name, folder) =>
      folder.startsWith('main/hosts/') || folder === 'main/app' || folder === 'main/cli'
        ? true
        : !['electron', 'node:http', 'node:https', 'react', 'react-dom'].includes(name) && !name.startsWith('react/'),
  },
  renderer: {
    layers: [
      ['renderer'],
      ['renderer/shell'],
      ['renderer/admin'],
      ['renderer/visit'],
      ['renderer/screens'],
      ['renderer/assisted'],
      ['renderer/journey'],
      ['renderer/components'],
      ['renderer/kit'],
      ['renderer/i18n'],
      ['renderer/styles'],
    ],
    packages: (name) => !name.startsWith('node:') && !['electron', 'better-sqlite3'].includes(name),
  },
};

const areaOf = (path) => path.split('/')[0];

/** The layer folder of a project-relative path: the longest layer folder it sits in. */
function layerOf(path) {
  const area = layers[areaOf(path)];
  if (!area) return null;
  let best = null;
  area.layers.forEach((group, rank) => {
    for (const folder of group) {
      // The area's own folder holds its top files (renderer/main.tsx); a deeper layer folder wins.
      const inside = path.startsWith(`${folder}/`);
      if (inside && (!best || folder.length > best.folder.length)) best = { folder, rank };
    }
  });
  return best;
}

/** A new folder of an area must take its place in the layers: outside them, nothing would check its imports. */
const unmapped = (path) => `${path} is in no layer of build/lint/layers.js: add its folder where it belongs (docs/architecture.md).`;

/** Why `from` may not import `to` (both project-relative), or null when it may. */
export function refusal(from, to) {
  const source = layerOf(from);
  if (!source) return layers[areaOf(from)] ? unmapped(from) : null;
  const fromArea = areaOf(from);
  const toArea = areaOf(to);
  if (toArea === 'common' && fromArea !== 'common') return null;
  // The version comes from the package manifest, read at build time.
  if (to === 'package.json' && from.startsWith('main/core/')) return null;
  if (toArea !== fromArea) return `${fromArea}/ may not import ${toArea}/ (${to}): share it through common/.`;
  const target = layerOf(to);
  if (!target) return unmapped(to);
  if (target.folder === source.folder) return null;
  if (target.rank > source.rank) return null;
  if (target.rank === source.rank) return `${source.folder} and ${target.folder} are peers: move what both need one layer down.`;
  return `${source.folder} is below ${target.folder}: imports point down the layers (docs/architecture.md).`;
}

/** Why a file in `from` may not import the package `name`, or null. */
export function packageRefusal(from, name) {
  const area = layers[areaOf(from)];
  const source = layerOf(from);
  if (!area || !source) return null;
  return area.packages(name, source.folder) ? null : `${source.folder} may not import the package "${name}".`;
}

export const oneWay = {
  meta: { type: 'problem', docs: { description: 'imports point down the layers' }, schema: [] },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename).split('\\').join('/');
    if (file.startsWith('..') || isAbsolute(file)) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      let message;
      if (spec.startsWith('.')) {
        const target = relative(root, resolve(dirname(join(root, file)), spec))
          .split('\\')
          .join('/');
        message = refusal(file, target);
      } else {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.startsWith('node:') ? spec : spec.split('/')[0];
        message = packageRefusal(file, spec.startsWith('react/') ? spec : name);
      }
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'one-way': oneWay } };
