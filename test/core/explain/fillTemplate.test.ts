import { describe, expect, it } from 'vitest';

import { fillCommand, fillText, toDisplay } from '../../../src/core/explain/fillTemplate.js';

describe('fillCommand', () => {
  it('fills safe names as they are', () => {
    expect(
      fillCommand('az vm show -g {vmResourceGroup} -n {vmName}', { vmResourceGroup: 'rg-app', vmName: 'vm.app_01' }),
    ).toEqual({
      text: 'az vm show -g rg-app -n vm.app_01',
      complete: true,
    });
  });

  it('quotes a valid name with spaces or parentheses, unless the template already does', () => {
    expect(fillCommand('az lock delete --name {lockName}', { lockName: 'keep (do not delete)' }).text).toBe(
      "az lock delete --name 'keep (do not delete)'",
    );
    expect(fillCommand("Remove-AzResourceLock -LockName '{lockName}'", { lockName: 'keep me' }).text).toBe(
      "Remove-AzResourceLock -LockName 'keep me'",
    );
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
});
