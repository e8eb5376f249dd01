import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

const PAGE = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
const HOST = JSON.parse(readFileSync(new URL('../../host.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** Every leaf setting of host.json as a dotted path, objects of options counting as one. */
function paths(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) => {
    const path = `${prefix}${key}`;
    if (['clientRetryOptions', 'samplingSettings', 'extensionBundle', 'logLevel'].includes(key)) return [path];
    return child !== null && typeof child === 'object' && !Array.isArray(child)
      ? paths(child as Record<string, unknown>, `${path}.`)
      : [path];
  });
}

describe('host.json', () => {
  it('is plain JSON (the host silently ignores a host.json with comments)', () => {
    expect(() => JSON.parse(readFileSync(new URL('../../host.json', import.meta.url), 'utf8'))).not.toThrow();
  });

  it('has every Event Hubs and logging choice explained on the configuration page', () => {
    const documented = paths(HOST).filter(
      (path) =>
        path.startsWith('extensions.') || path.startsWith('logging.applicationInsights') || path === 'functionTimeout',
    );
    expect(documented.length).toBeGreaterThan(4);
    for (const path of documented) expect(PAGE, path).toContain(`| \`${path}\``);
  });
});
