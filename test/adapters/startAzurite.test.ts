import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { startAzurite } from '../../src/adapters/startAzurite.js';

describe('startAzurite', () => {
  it('runs Azurite in memory, on loopback, with its telemetry off', async () => {
    const azurite = await startAzurite({ disableTelemetry: true });
    try {
      const args = readFileSync(`/proc/${azurite.pid}/cmdline`, 'utf8').split('\0');
      expect(args).toContain('--disableTelemetry');
      expect(args).toContain('--inMemoryPersistence');
      expect(args[args.indexOf('--tableHost') + 1]).toBe('127.0.0.1');
      expect(args[args.indexOf('--tablePort') + 1]).toBe(String(azurite.port));
    } finally {
      await azurite.stop();
    }
  });
});
