// The layer order of the project, enforced on every relative import (see docs/architecture.md).
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Which of our folders each layer may import from; anything not listed is a layer violation. */
export const LAYERS = {
  'src/core': ['src/core'],
  'src/config': ['src/core', 'src/config'],
  'src/enrich': ['src/core', 'src/enrich'],
  'src/pipeline': ['src/core', 'src/config', 'src/enrich', 'src/pipeline'],
  'src/replay': ['src/core', 'src/replay'],
  'src/adapters': ['src/core', 'src/config', 'src/enrich', 'src/pipeline', 'src/replay', 'src/adapters'],
  'src/dashboard': ['src/core', 'src/config', 'src/pipeline', 'src/adapters', 'src/dashboard'],
  'src/cli': [
    'src/core',
    'src/config',
    'src/enrich',
    'src/pipeline',
    'src/replay',
    'src/adapters',
    'src/dashboard',
    'src/cli',
  ],
  functions: ['src/core', 'src/config', 'src/enrich', 'src/pipeline', 'src/adapters', 'src/dashboard', 'functions'],
};

const layerOf = (file) => {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  return Object.keys(LAYERS).find((layer) => rel === layer || rel.startsWith(`${layer}/`));
};

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'keeps imports pointing down the layers: core ← config/enrich ← pipeline ← adapters ← callers',
    },
    messages: {
      upward:
        '{{from}} may not import {{to}} ({{spec}}): {{from}} may only import from {{allowed}}. Move what both need down a layer.',
    },
    schema: [],
  },
  create(context) {
    const from = layerOf(context.filename);
    if (from === undefined) return {};
    const check = (node, source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(context.filename), source.value));
      if (to === undefined || LAYERS[from].includes(to)) return;
      context.report({
        node,
        messageId: 'upward',
        data: { from, to, spec: source.value, allowed: LAYERS[from].join(', ') },
      });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { layers: rule } };
