import { fileURLToPath } from 'node:url';

import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import layers from '../../eslint/layers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const linter = new Linter({ configType: 'flat' });
const lint = (file: string, code: string) =>
  linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { sourceType: 'module' },
        plugins: { project: layers },
        rules: { 'project/layers': 'error' },
      },
    ],
    `${ROOT}${file}`,
  );

describe('the layer rule', () => {
  it('refuses core importing an adapter', () => {
    const messages = lint('src/core/explain/explain.ts', "import { x } from '../../adapters/tableStore.js';");
    expect(messages.map((m) => m.message)).toEqual([
      'src/core may not import src/adapters (../../adapters/tableStore.js): src/core may only import from src/core. Move what both need down a layer.',
    ]);
  });

  it('refuses config, enrich and pipeline importing adapters, and pipeline importing the CLI', () => {
    expect(lint('src/config/settings.ts', "import { x } from '../adapters/webhookSender.js';")).toHaveLength(1);
    expect(lint('src/enrich/probe.ts', "export { x } from '../pipeline/triage.js';")).toHaveLength(1);
    expect(lint('src/pipeline/deliver.ts', "import type { X } from '../adapters/webhookSender.js';")).toHaveLength(1);
    expect(lint('src/pipeline/deliver.ts', "const m = await import('../cli/main.js');")).toHaveLength(1);
  });

  it('lets every layer import downwards and the callers import adapters', () => {
    expect(lint('src/pipeline/triage.ts', "import { x } from '../core/parse/parseBody.js';")).toEqual([]);
    expect(lint('src/adapters/tableStore.ts', "import { x } from '../pipeline/notify.js';")).toEqual([]);
    expect(lint('functions/backupFailures.ts', "import { x } from '../src/adapters/tableStore.js';")).toEqual([]);
    expect(lint('src/cli/runCommand.ts', "import { x } from 'node:fs';")).toEqual([]);
  });
});
