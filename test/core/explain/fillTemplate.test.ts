import { describe, expect, it } from 'vitest';

import {
  fillCommand,
  fillText,
  isValidName,
  quotePowerShell,
  toDisplay,
} from '../../../src/core/explain/fillTemplate.js';

describe('fillCommand', () => {
  it('fills safe names as they are', () => {
    expect(
      fillCommand('az vm show -g {vmResourceGroup} -n {vmName}', { vmResourceGroup: 'rg-app', vmName: 'vm.app_01' }),
    ).toEqual({
      text: 'az vm show -g rg-app -n vm.app_01',
      complete: true,
    });
  });

  it('quotes a valid name with parentheses, unless the template already does', () => {
    expect(fillCommand('az lock delete --name {lockName}', { lockName: 'keep(do-not-delete)' }).text).toBe(
      "az lock delete --name 'keep(do-not-delete)'",
    );
    expect(
      fillCommand("Remove-AzResourceLock -LockName '{lockName}'", { lockName: 'keep(me)' }, 'powershell').text,
    ).toBe("Remove-AzResourceLock -LockName 'keep(me)'");
  });

  it.each([
    ['vmName', 'vm\u2019 (Stop-Computer -Force) \u2019'],
    ['lockName', 'keep\u2018; Stop-Computer; \u2018'],
    ['vmResourceGroup', 'rg\u201a$(Stop-Computer)'],
    ['vaultName', 'rsv\u201b'],
  ] as const)('refuses a typographic quote in %s, in both shells', (name, value) => {
    for (const shell of ['azure-cli', 'powershell'] as const)
      expect(fillCommand(`Get-Thing -Name '{${name}}'`, { [name]: value }, shell)).toEqual({
        text: `Get-Thing -Name '<${name}>'`,
        complete: false,
      });
  });

  it.each([
    ['vm$(reboot)'],
    ['vm`id`'],
    ["vm'; rm -rf /; '"],
    ['vm\nrm -rf /'],
    ['vm"x'],
    ['a/b'],
    ['x'.repeat(300)],
    [''],
  ])('refuses %j and marks the command incomplete', (name) => {
    expect(fillCommand('az vm show -n {vmName}', { vmName: name })).toEqual({
      text: 'az vm show -n <vmName>',
      complete: false,
    });
  });

  it('checks the shape of ids', () => {
    expect(fillCommand('{subscriptionId}', { subscriptionId: 'not-a-guid' }).complete).toBe(false);
    expect(fillCommand('{subscriptionId}', { subscriptionId: '00000000-0000-0000-0000-000000000000' }).complete).toBe(
      true,
    );
    expect(fillCommand('{region}', { region: 'west europe' }).complete).toBe(false);
  });
});

describe('isValidName: the naming rules of each resource type', () => {
  it.each([
    ['vmName', 'vm-app-01', true],
    ['vmName', 'VM.app_01', true],
    ['vmName', '_vm', false],
    ['vmName', 'vm-', false],
    ['vmName', 'vm.', false],
    ['vmName', '-vm', false],
    ['vmName', 'v'.repeat(64), true],
    ['vmName', 'v'.repeat(65), false],
    ['vmName', 'vm app', false],
    ['vmResourceGroup', 'rg-data(prod)_1', true],
    ['vmResourceGroup', 'rg.', false],
    ['vmResourceGroup', 'rg-café', false],
    ['vmResourceGroup', 'r'.repeat(90), true],
    ['vmResourceGroup', 'r'.repeat(91), false],
    ['vaultName', 'rsv-prod-we-01', true],
    ['vaultName', '1rsv', false],
    ['vaultName', 'rsv_prod', false],
    ['keyVaultName', 'kv-app', true],
    ['keyVaultName', 'kv--app', false],
    ['keyVaultName', 'kv-', false],
    ['keyVaultName', 'k'.repeat(25), false],
    ['lockName', 'do-not-delete', true],
    ['lockName', 'keep(landing.zone)', true],
    ['lockName', 'keep.', false],
    ['lockName', 'keep me', false],
    ['region', 'westeurope', true],
    ['jobId', 'f3c7a0e2-1b2d-4c5e-9f80-123456789abc', true],
    ['jobId', 'job;rm', false],
  ] as const)('%s %j: %s', (name, value, valid) => {
    expect(isValidName(name, value)).toBe(valid);
  });
});

describe('quotePowerShell', () => {
  it('doubles every character PowerShell takes for a single quote', () => {
    expect(quotePowerShell("a'b\u2018c\u2019d\u201ae\u201bf")).toBe(
      "'a''b\u2018\u2018c\u2019\u2019d\u201a\u201ae\u201b\u201bf'",
    );
  });

  it('leaves double quotes, dollars and backticks alone: nothing expands in single quotes', () => {
    expect(quotePowerShell('$(x) `y` "z" \u201cw\u201d')).toBe('\'$(x) `y` "z" \u201cw\u201d\'');
  });
});

describe('fillText', () => {
  it('shows unknown names as <placeholders> and bounds long ones', () => {
    expect(fillText('Fix {vmName} in {vaultName}.', { vmName: 'v'.repeat(500) })).toBe(
      `Fix ${'v'.repeat(199)}… in <vaultName>.`,
    );
  });

  it('does not interpret replacement patterns in values', () => {
    expect(fillText('{vmName}', { vmName: "$& $' $`" })).toBe("$& $' $`");
  });
});

describe('toDisplay', () => {
  it('removes control, zero-width and bidi-override characters', () => {
    expect(toDisplay('a\u0000b\u200bc\u202ed\u2066e\tf')).toBe('a b c d e f');
  });

  it('removes the other invisible characters too: word joiner, Arabic letter mark, soft hyphen, separators', () => {
    expect(toDisplay('a\u2060b\u061cc\u00add\u2028e\u180ef\u2064g')).toBe('a b c d e f g');
  });
});
