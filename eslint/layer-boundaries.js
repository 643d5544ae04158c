// The `klientdesk/layers` rule: every import, re-export, dynamic import(), require(), import type, `import('x').T`
// and vi.mock() of a file is checked against the allow-list in eslint/layers.js. Layers are folders, so a
// relative import is placed by resolving it on disk (TypeScript imports carry no extension); nothing that
// cannot be placed passes unnoticed: a file outside every layer is an error too.
import { existsSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { NODE } from './layers.js';

const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));
const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.cjs'];
const VITEST_MODULE_CALLS = new Set(['mock', 'doMock', 'unmock', 'doUnmock', 'importActual', 'importMock']);

const toPosix = (path) => path.split(sep).join('/');
const under = (path, prefix) => path === prefix || path.startsWith(`${prefix}/`);
const withoutExtension = (path) => path.replace(/\.(ts|tsx|js|mjs|cjs)$/, '');

function isFile(path) {
  return existsSync(path) && statSync(path).isFile();
}

/** The file an extensionless or folder import means, as the bundler and TypeScript find it; else the path itself. */
function resolveOnDisk(path) {
  const candidates = [path, ...EXTENSIONS.map((ext) => path + ext), ...EXTENSIONS.map((ext) => `${path}/index${ext}`)];
  return candidates.find(isFile) ?? path;
}

function layerOf(layers, file) {
  let best;
  for (const layer of layers) {
    if (under(file, layer.path) && (!best || layer.path.length > best.path.length)) best = layer;
  }
  return best;
}

/** 'node' for a built-in, else the package's name ('@scope/name' or 'name'). */
function packageOf(specifier) {
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0])) {
    return NODE;
  }
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function unitOf(layer, file) {
  return file.slice(layer.path.length + 1).split('/')[0];
}

export const layerBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the allow-list of layers in eslint/layers.js' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, layers: { type: 'array' }, exceptions: { type: 'array' } },
        required: ['layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      fileInNoLayer: '{{file}} is in no layer: give its folder a layer in eslint/layers.js.',
      targetInNoLayer: "'{{specifier}}' ({{target}}) is in no layer of eslint/layers.js.",
      path: '{{layer}} may not import {{target}}: it imports only {{allowed}} (eslint/layers.js).',
      typeOnlyPath: '{{layer}} may import {{target}} only with `import type` (eslint/layers.js).',
      unit: '{{from}} may reach {{other}} only through {{entry}} (eslint/layers.js).',
      pkg: "{{layer}} may not import the package '{{pkg}}': it imports only {{allowed}} (eslint/layers.js).",
      typeOnlyPkg: "{{layer}} may import the package '{{pkg}}' only with `import type` (eslint/layers.js).",
    },
  },
  create(context) {
    // Paths in eslint/layers.js are from the repository's root, wherever ESLint was started.
    const { root = context.cwd, layers, exceptions = [] } = context.options[0];
    const file = toPosix(relative(root, context.filename));
    const layer = layerOf(layers, file);
    if (!layer) {
      return {
        Program(node) {
          context.report({ node, messageId: 'fileInNoLayer', data: { file } });
        },
      };
    }
    if (layer.anything) return {};

    const allowedPaths = [layer.path, ...layer.imports];
    const excepted = (target) => exceptions.some((e) => e.from === file && withoutExtension(target) === withoutExtension(e.to));

    function checkPath(node, specifier, target, typeOnly) {
      if (excepted(target)) return;
      const targetLayer = layerOf(layers, target);
      if (!targetLayer) {
        context.report({ node, messageId: 'targetInNoLayer', data: { specifier, target } });
        return;
      }
      if (under(target, layer.path) && targetLayer === layer) {
        if (layer.units) checkUnits(node, target);
        return;
      }
      if (allowedPaths.some((path) => under(target, path))) return;
      if ((layer.typeImports ?? []).some((path) => withoutExtension(target) === withoutExtension(path))) {
        if (!typeOnly) context.report({ node, messageId: 'typeOnlyPath', data: { layer: layer.path, target } });
        return;
      }
      const allowed = allowedPaths.join(', ');
      context.report({ node, messageId: 'path', data: { layer: layer.path, target, allowed } });
    }

    function checkUnits(node, target) {
      const from = unitOf(layer, file);
      const other = unitOf(layer, target);
      if (from === other) return;
      const entry = `${layer.path}/${other}/${layer.units.entry}`;
      if (withoutExtension(target) === withoutExtension(entry)) return;
      context.report({ node, messageId: 'unit', data: { from: `${layer.path}/${from}`, other: target, entry } });
    }

    function checkPackage(node, pkg, typeOnly) {
      if ((layer.packages ?? []).includes(pkg)) return;
      if ((layer.typePackages ?? []).includes(pkg)) {
        if (!typeOnly) context.report({ node, messageId: 'typeOnlyPkg', data: { layer: layer.path, pkg } });
        return;
      }
      const allowed = (layer.packages ?? []).map((p) => (p === NODE ? "Node's built-ins" : p)).join(', ') || 'none';
      context.report({ node, messageId: 'pkg', data: { layer: layer.path, pkg, allowed } });
    }

    function check(source, typeOnly) {
      if (!source || typeof source.value !== 'string') return;
      const specifier = source.value.replace(/\?.*$/, '');
      if (specifier.startsWith('.') || isAbsolute(specifier)) {
        const absolute = resolve(dirname(context.filename), specifier);
        checkPath(source, specifier, toPosix(relative(root, resolveOnDisk(absolute))), typeOnly);
      } else {
        checkPackage(source, packageOf(specifier), typeOnly);
      }
    }

    const literal = (node) =>
      node?.type === 'Literal'
        ? node
        : node?.type === 'TemplateLiteral' && node.expressions.length === 0
          ? { ...node, value: node.quasis[0].value.cooked }
          : undefined;

    return {
      ImportDeclaration: (node) => check(node.source, node.importKind === 'type'),
      ExportNamedDeclaration: (node) => check(node.source, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(literal(node.source), false),
      TSImportType: (node) => check(node.source ?? node.argument?.literal, true),
      TSExternalModuleReference: (node) => check(literal(node.expression), node.parent?.importKind === 'type'),
      CallExpression(node) {
        const { callee } = node;
        const isRequire = callee.type === 'Identifier' && callee.name === 'require';
        const isVitest =
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'vi' &&
          callee.property.type === 'Identifier' &&
          VITEST_MODULE_CALLS.has(callee.property.name);
        if (isRequire || isVitest) check(literal(node.arguments[0]), false);
      },
    };
  },
};

export const klientdeskPlugin = { rules: { layers: layerBoundaries } };
