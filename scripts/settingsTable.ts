import { readFileSync, writeFileSync } from 'node:fs';

import { SETTINGS } from '../src/config/settings.js';

/** Rewrites the configuration page (docs/configuration.md) from `src/config/settings.ts` (a test checks they agree). */
export function settingsTable(): string {
  const requiredBy = (name: string) =>
    SETTINGS.filter((other) => other.requires?.includes(name)).map((other) => `\`${other.name}\``);
  const required = (spec: (typeof SETTINGS)[number]) =>
    spec.required ? 'yes' : requiredBy(spec.name).length > 0 ? `with ${requiredBy(spec.name).join(', ')}` : 'no';
  return [
    '| Setting | Read by | Required | Default | Secret | Description |',
    '|---|---|---|---|---|---|',
    ...SETTINGS.map(
      (s) =>
        `| \`${s.name}\` | ${s.readBy} | ${required(s)} | ${s.default === undefined ? '' : `\`${s.default}\``} | ${s.secret ? 'yes' : 'no'} | ${s.description} |`,
    ),
  ].join('\n');
}

if (process.argv[1]?.endsWith('settingsTable.js')) {
  const readme = new URL('../../docs/configuration.md', import.meta.url);
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf('<!-- settings-table:start -->');
  const end = text.indexOf('<!-- settings-table:end -->');
  writeFileSync(readme, `${text.slice(0, start)}<!-- settings-table:start -->\n${settingsTable()}\n${text.slice(end)}`);
  console.log('docs/configuration.md updated');
}
