import type { CommandPair } from './types.js';

/** Prefixes shared by the command templates. */
export const PS_CONTEXT = "Set-AzContext -Subscription '{subscriptionId}' | Out-Null; ";
export const PS_VAULT =
  "$v = Get-AzRecoveryServicesVault -ResourceGroupName '{vaultResourceGroup}' -Name '{vaultName}'; ";
export const PS_VM = "Get-AzVM -ResourceGroupName '{vmResourceGroup}' -Name '{vmName}'";
export const AZ_VM = '--resource-group {vmResourceGroup} --name {vmName} --subscription {subscriptionId}';
export const AZ_VAULT =
  '--resource-group {vaultResourceGroup} --vault-name {vaultName} --subscription {subscriptionId}';

/** A script as one single-quoted bash word (a `'` becomes `'\''`): nothing in it expands locally. */
function bashQuote(script: string): string {
  return `'${script.replaceAll("'", "'\\''")}'`;
}

/** A script as one single-quoted PowerShell string (a `'` becomes `''`). */
function psQuote(script: string): string {
  return `'${script.replaceAll("'", "''")}'`;
}

/**
 * A script run inside the VM through the agent (`az vm run-command invoke`, `Invoke-AzVMRunCommand`),
 * quoted once for each shell so `$`, quotes and backslashes reach the guest unchanged. Run commands
 * need a working VM agent themselves: for agent failures, sign in to the VM instead.
 */
export function runInGuest(os: 'windows' | 'linux', script: string): CommandPair {
  const commandId = os === 'windows' ? 'RunPowerShellScript' : 'RunShellScript';
  return {
    azureCli: `az vm run-command invoke --resource-group {vmResourceGroup} --name {vmName} --subscription {subscriptionId} --command-id ${commandId} --scripts ${bashQuote(script)}`,
    powershell: `${PS_CONTEXT}Invoke-AzVMRunCommand -ResourceGroupName '{vmResourceGroup}' -VMName '{vmName}' -CommandId '${commandId}' -ScriptString ${psQuote(script)}`,
  };
}
