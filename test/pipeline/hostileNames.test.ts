import { afterEach, describe, expect, it } from 'vitest';

import { AzureState, vmId } from '../../scripts/azureState.js';
import type { EnrichedEvent, RenderedCommand } from '../../src/core/types.js';
import { triage } from '../../src/pipeline/triage.js';
import { failedJob, replay, SUB, type Replay } from '../helpers/lookups.js';

/** Bidi controls and zero-width characters: text that shows one thing and runs another. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

const commandsOf = (event: EnrichedEvent): RenderedCommand[] => [
  ...event.summary.firstAction.commands,
  ...event.causes.flatMap((cause) => cause.commands),
];

/** The name as it sits between the quotes of the template, or bare. */
function placedNames(event: EnrichedEvent): string[] {
  return commandsOf(event).flatMap((command) =>
    [...command.text.matchAll(/-(?:Name|VMName|LockName|FriendlyName) '([^']*)'|--name (\S+)/g)].map(
      (match) => match[1] ?? match[2]!,
    ),
  );
}

function eventFor(vmName: string, code = 'UserErrorGuestAgentStatusUnavailable'): EnrichedEvent {
  const record = failedJob({ resourceGroup: 'rg-app', name: vmName }, code);
  const result = triage([{ body: { records: [record] }, origin: { bodyIndex: 0 } }]);
  expect(result.events).toHaveLength(1);
  return result.events[0]!;
}

describe('hostile names never reach a command', () => {
  it.each([
    ['a right single quote (U+2019) closing the PowerShell string', 'vm\u2019 (Stop-Computer -Force) \u2019'],
    ['a left single quote (U+2018)', 'vm\u2018; Stop-Computer; \u2018'],
    ['a low single quote (U+201A)', 'vm\u201a; Stop-Computer; \u201a'],
    ['a reversed single quote (U+201B)', 'vm\u201b; Stop-Computer; \u201b'],
    ['typographic double quotes (U+201C, U+201D, U+201E)', 'vm\u201c$(Stop-Computer)\u201d\u201e'],
    ['a right-to-left override', 'vm-\u202egnp.exe'],
    ['a zero-width space', 'vm\u200b-app-01'],
    ['a word joiner', 'vm\u2060-app-01'],
    ['non-ASCII letters', 'vm-àpp-01'],
  ])('%s in a VM name: the command keeps <vmName> and is marked incomplete', (_, name) => {
    const event = eventFor(name);
    const withVm = commandsOf(event).filter((command) => command.text.includes('<vmName>'));
    expect(withVm.length).toBeGreaterThan(0);
    for (const command of withVm) expect(command.complete).toBe(false);
    for (const command of commandsOf(event)) {
      expect(command.text).not.toMatch(INVISIBLE);
      expect(command.text).not.toContain('Stop-Computer');
      expect(command.text.replace(/'[^'\u2018-\u201b]*'/g, '')).not.toMatch(/[\u2018-\u201e]/);
    }
    // The sentences still name the VM (without invisible characters): people must recognise it.
    expect(event.summary.firstAction.text).not.toMatch(INVISIBLE);
  });

  it('a valid name is placed in every command, complete', () => {
    const event = eventFor('vm-app-01');
    expect(placedNames(event)).toContain('vm-app-01');
    for (const command of commandsOf(event)) expect(command.text).not.toContain('<vmName>');
  });
});

describe('a hostile lock name read back from ARM', () => {
  let open: Replay | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
  });

  it('is shown as found, but Remove-AzResourceLock keeps <lockName> and is incomplete', async () => {
    const RPG = 'AzureBackupRG_westeurope_1';
    const lock = 'keep\u2019; Stop-Computer -Force; \u2019';
    open = await replay(
      new AzureState()
        .vm({ subscriptionId: SUB, resourceGroup: 'rg-app', name: 'vm-app-01' })
        .restorePoints(SUB, RPG, 'AzureBackup_vm-app-01_1', vmId(SUB, 'rg-app', 'vm-app-01'), 4)
        .locks(SUB, 'rg-app', [])
        .locks(SUB, RPG, [{ name: lock, level: 'CanNotDelete' }]),
    );
    const result = await open.run([
      failedJob({ resourceGroup: 'rg-app', name: 'vm-app-01' }, 'UserErrorRpCollectionLimitReached'),
    ]);
    const event = result.events[0]!;
    const removal = commandsOf(event).filter((command) => /lock delete|Remove-AzResourceLock/.test(command.text));
    expect(removal.length).toBeGreaterThan(0);
    for (const command of removal) {
      expect(command.text).toContain('<lockName>');
      expect(command.complete).toBe(false);
      expect(command.text).not.toContain('Stop-Computer');
    }
  });
});
