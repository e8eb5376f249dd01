import type { CommandTemplate } from './types.js';

import { AZ_VAULT, AZ_VM, PS_CONTEXT, PS_VAULT, PS_VM } from './guestScript.js';

// A database in a VM: container `VMAppContainer;Compute;<rg>;<vm>`, item `SQLDataBase;<instance>;<db>`
// (names as the built-in alerts' protectedItemId gives them); `{workloadType}` is MSSQL or
// SAPHanaDatabase, which the CLI and PowerShell both accept (az backup protectable-item initialize).
const AZ_WL = `${AZ_VAULT} --backup-management-type AzureWorkload --workload-type {workloadType} --container-name {containerName}`;
const PS_WL_ITEM =
  "$i = Get-AzRecoveryServicesBackupItem -BackupManagementType AzureWorkload -WorkloadType {workloadType} -VaultId $v.ID | Where-Object Name -eq '{itemName}'; ";
// A file share by friendly names: the storage account and the share (backup-afs-cli.md,
// backup-azure-afs-automation.md: -ContainerType AzureStorage, -WorkloadType AzureFiles).
const AZ_AFS = `${AZ_VAULT} --backup-management-type AzureStorage --container-name {containerName}`;
const PS_AFS_ITEM =
  "$c = Get-AzRecoveryServicesBackupContainer -ContainerType AzureStorage -FriendlyName '{containerName}' -VaultId $v.ID; $i = Get-AzRecoveryServicesBackupItem -Container $c -WorkloadType AzureFiles -FriendlyName '{itemName}' -VaultId $v.ID; ";

/** Azure CLI and PowerShell templates, referenced by id from the causes. */
export const COMMANDS: readonly CommandTemplate[] = [
  {
    id: 'vm-agent-status',
    target: 'vm',
    purpose: {
      en: 'Read the VM agent status and version (expect "Ready")',
      fr: 'Lire l’état et la version de l’agent de la VM (attendu : « Ready »)',
    },
    azureCli: `az vm get-instance-view ${AZ_VM} --query "instanceView.vmAgent.{version:vmAgentVersion, status:statuses[0].displayStatus, message:statuses[0].message}"`,
    powershell: `${PS_CONTEXT}(${PS_VM} -Status).VMAgent | Format-List VmAgentVersion, Statuses`,
  },
  {
    id: 'vm-power-state',
    target: 'vm',
    purpose: {
      en: 'Read the VM power and provisioning state',
      fr: 'Lire l’état d’alimentation et d’approvisionnement de la VM',
    },
    azureCli: `az vm get-instance-view ${AZ_VM} --query "instanceView.statuses[].{code:code, status:displayStatus}" -o table`,
    powershell: `${PS_CONTEXT}(${PS_VM} -Status).Statuses | Select-Object Code, DisplayStatus`,
  },
  {
    id: 'vm-extensions-status',
    target: 'vm',
    purpose: {
      en: 'List the VM extensions and their provisioning status',
      fr: 'Lister les extensions de la VM et leur état d’approvisionnement',
    },
    azureCli: `az vm get-instance-view ${AZ_VM} --query "instanceView.extensions[].{name:name, type:type, status:statuses[0].displayStatus, message:statuses[0].message}" -o table`,
    powershell: `${PS_CONTEXT}(${PS_VM} -Status).Extensions | Select-Object Name, Type, @{n='Status';e={$_.Statuses[0].DisplayStatus}}, @{n='Message';e={$_.Statuses[0].Message}}`,
  },
  {
    id: 'remove-snapshot-extension',
    target: 'vm',
    purpose: {
      en: 'Uninstall the backup extension; the next backup reinstalls it',
      fr: 'Désinstaller l’extension de sauvegarde ; la prochaine sauvegarde la réinstalle',
    },
    azureCli:
      'az vm extension delete --resource-group {vmResourceGroup} --vm-name {vmName} --name {snapshotExtensionName} --subscription {subscriptionId}',
    powershell: `${PS_CONTEXT}Remove-AzVMExtension -ResourceGroupName '{vmResourceGroup}' -VMName '{vmName}' -Name '{snapshotExtensionName}' -Force`,
  },
  {
    id: 'update-linux-agent',
    target: 'vm',
    os: 'linux',
    purpose: {
      en: 'Update the Linux agent from the distribution repository and restart it',
      fr: 'Mettre à jour l’agent Linux depuis le dépôt de la distribution et le redémarrer',
    },
    azureCli: `az vm run-command invoke ${AZ_VM} --command-id RunShellScript --scripts "if command -v apt-get >/dev/null; then apt-get update && apt-get install -y --only-upgrade walinuxagent; else yum update -y WALinuxAgent; fi; systemctl restart walinuxagent || systemctl restart waagent; waagent --version"`,
    powershell: `${PS_CONTEXT}Invoke-AzVMRunCommand -ResourceGroupName '{vmResourceGroup}' -VMName '{vmName}' -CommandId 'RunShellScript' -ScriptString 'if command -v apt-get >/dev/null; then apt-get update && apt-get install -y --only-upgrade walinuxagent; else yum update -y WALinuxAgent; fi; systemctl restart walinuxagent || systemctl restart waagent; waagent --version'`,
  },
  {
    id: 'linux-agent-config',
    target: 'vm',
    os: 'linux',
    purpose: {
      en: 'Show the agent options Backup needs (Extensions.Enable=y, Provisioning.Agent=auto)',
      fr: 'Afficher les options de l’agent nécessaires à la sauvegarde (Extensions.Enable=y, Provisioning.Agent=auto)',
    },
    azureCli: `az vm run-command invoke ${AZ_VM} --command-id RunShellScript --scripts "grep -E '^(Extensions\\.Enable|Provisioning\\.Agent)' /etc/waagent.conf"`,
    powershell: `${PS_CONTEXT}Invoke-AzVMRunCommand -ResourceGroupName '{vmResourceGroup}' -VMName '{vmName}' -CommandId 'RunShellScript' -ScriptString "grep -E '^(Extensions\\.Enable|Provisioning\\.Agent)' /etc/waagent.conf"`,
  },
  {
    id: 'test-wireserver-linux',
    target: 'vm',
    os: 'linux',
    purpose: {
      en: 'From a Linux guest, test the platform endpoint 168.63.129.16 the extension needs',
      fr: 'Depuis un invité Linux, tester le point de terminaison 168.63.129.16 dont l’extension a besoin',
    },
    azureCli: `az vm run-command invoke ${AZ_VM} --command-id RunShellScript --scripts "curl -s -o /dev/null -w '%{http_code}\\n' --max-time 10 'http://168.63.129.16/?comp=versions'"`,
    powershell: `${PS_CONTEXT}Invoke-AzVMRunCommand -ResourceGroupName '{vmResourceGroup}' -VMName '{vmName}' -CommandId 'RunShellScript' -ScriptString "curl -s -o /dev/null -w '%{http_code}' --max-time 10 'http://168.63.129.16/?comp=versions'"`,
  },
  {
    id: 'test-wireserver-windows',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'From a Windows guest, test the platform endpoint 168.63.129.16 (ports 80 and 32526)',
      fr: 'Depuis un invité Windows, tester le point de terminaison 168.63.129.16 (ports 80 et 32526)',
    },
    azureCli: `az vm run-command invoke ${AZ_VM} --command-id RunPowerShellScript --scripts "Test-NetConnection 168.63.129.16 -Port 80; Test-NetConnection 168.63.129.16 -Port 32526"`,
    powershell: `${PS_CONTEXT}Invoke-AzVMRunCommand -ResourceGroupName '{vmResourceGroup}' -VMName '{vmName}' -CommandId 'RunPowerShellScript' -ScriptString 'Test-NetConnection 168.63.129.16 -Port 80; Test-NetConnection 168.63.129.16 -Port 32526'`,
  },
  {
    id: 'list-rp-groups',
    target: 'vm',
    purpose: {
      en: 'Find the restore-point resource groups of this region',
      fr: 'Trouver les groupes de ressources des points de restauration de cette région',
    },
    azureCli: `az group list --subscription {subscriptionId} --query "[?starts_with(name, 'AzureBackupRG_{region}_')].name" -o tsv`,
    powershell: `${PS_CONTEXT}Get-AzResourceGroup -Name 'AzureBackupRG_{region}_*' | Select-Object ResourceGroupName`,
  },
  {
    id: 'list-rp-group-locks',
    target: 'vm',
    purpose: {
      en: 'List the locks on the restore-point resource group',
      fr: 'Lister les verrous du groupe de ressources des points de restauration',
    },
    azureCli: 'az lock list --resource-group {rpResourceGroup} --subscription {subscriptionId} -o table',
    powershell: `${PS_CONTEXT}Get-AzResourceLock -ResourceGroupName '{rpResourceGroup}' | Select-Object Name, @{n='Level';e={$_.Properties.level}}`,
  },
  {
    id: 'delete-rp-group-lock',
    target: 'vm',
    purpose: {
      en: 'Delete the lock that blocks restore-point cleanup',
      fr: 'Supprimer le verrou qui bloque le nettoyage des points de restauration',
    },
    azureCli: 'az lock delete --name {lockName} --resource-group {rpResourceGroup} --subscription {subscriptionId}',
    powershell: `${PS_CONTEXT}Remove-AzResourceLock -LockName '{lockName}' -ResourceGroupName '{rpResourceGroup}' -Force`,
  },
  {
    id: 'list-rp-collections',
    target: 'vm',
    purpose: {
      en: 'List the restore point collections kept for the VM',
      fr: 'Lister les collections de points de restauration conservées pour la VM',
    },
    azureCli:
      'az restore-point collection list --resource-group {rpResourceGroup} --subscription {subscriptionId} -o table',
    powershell: `${PS_CONTEXT}Get-AzResource -ResourceGroupName '{rpResourceGroup}' -ResourceType 'Microsoft.Compute/restorePointCollections' | Select-Object Name`,
  },
  {
    id: 'list-item-jobs',
    target: 'item',
    purpose: {
      en: 'List the backup jobs of the last day for this VM',
      fr: 'Lister les travaux de sauvegarde du dernier jour pour cette VM',
    },
    azureCli: `az backup job list ${AZ_VAULT} --operation Backup --query "[?properties.entityFriendlyName=='{vmName}'].{start:properties.startTime, status:properties.status, job:name}" -o table`,
    powershell: `${PS_CONTEXT}${PS_VAULT}Get-AzRecoveryServicesBackupJob -VaultId $v.ID -Operation Backup -From (Get-Date).ToUniversalTime().AddDays(-1) | Where-Object WorkloadName -eq '{vmName}'`,
    variants: {
      AzureWorkload: {
        purpose: {
          en: 'List the database backup jobs of the vault',
          fr: 'Lister les travaux de sauvegarde de bases de données du coffre',
        },
        azureCli: `az backup job list ${AZ_VAULT} --backup-management-type AzureWorkload --operation Backup -o table`,
        powershell: `${PS_CONTEXT}${PS_VAULT}Get-AzRecoveryServicesBackupJob -VaultId $v.ID -BackupManagementType AzureWorkload -Operation Backup -From (Get-Date).ToUniversalTime().AddDays(-1)`,
      },
      AzureStorage: {
        purpose: {
          en: 'List the backup jobs of the last day for this file share',
          fr: 'Lister les travaux de sauvegarde du dernier jour pour ce partage de fichiers',
        },
        azureCli: `az backup job list ${AZ_VAULT} --backup-management-type AzureStorage --operation Backup --query "[?properties.entityFriendlyName=='{itemName}'].{start:properties.startTime, status:properties.status, job:name}" -o table`,
        powershell: `${PS_CONTEXT}${PS_VAULT}Get-AzRecoveryServicesBackupJob -VaultId $v.ID -BackupManagementType AzureStorage -Operation Backup -From (Get-Date).ToUniversalTime().AddDays(-1) | Where-Object WorkloadName -eq '{itemName}'`,
      },
    },
  },
  {
    id: 'list-jobs-in-progress',
    target: 'other',
    purpose: {
      en: 'List the backup jobs still running in the vault',
      fr: 'Lister les travaux de sauvegarde encore en cours dans le coffre',
    },
    azureCli: `az backup job list ${AZ_VAULT} --status InProgress -o table`,
    powershell: `${PS_CONTEXT}${PS_VAULT}Get-AzRecoveryServicesBackupJob -VaultId $v.ID -Status InProgress`,
  },
  {
    id: 'show-job-errors',
    target: 'other',
    purpose: {
      en: 'Show the error details of the failed job',
      fr: 'Afficher le détail des erreurs du travail en échec',
    },
    azureCli: `az backup job show --name {jobId} ${AZ_VAULT} --query "properties.errorDetails"`,
    powershell: `${PS_CONTEXT}${PS_VAULT}(Get-AzRecoveryServicesBackupJobDetail -JobId '{jobId}' -VaultId $v.ID).ErrorDetails`,
  },
  {
    id: 'show-vm-encryption',
    target: 'vm',
    purpose: {
      en: 'Show the disk encryption settings and the key vault they use',
      fr: 'Afficher le chiffrement des disques et le coffre de clés utilisé',
    },
    azureCli: `az vm encryption show ${AZ_VM}`,
    powershell: `${PS_CONTEXT}Get-AzVMDiskEncryptionStatus -ResourceGroupName '{vmResourceGroup}' -VMName '{vmName}'`,
  },
  {
    id: 'grant-backup-keyvault-access',
    keyVaultAccess: 'access-policy',
    target: 'vm',
    purpose: {
      en: 'Key vault using access policies: give the Backup Management Service get, list and backup on keys and secrets',
      fr: 'Coffre de clés à stratégies d’accès : donner au service de gestion des sauvegardes « get », « list » et « backup » sur les clés et secrets',
    },
    azureCli:
      'az keyvault set-policy --name {keyVaultName} --spn 262044b1-e2ce-469f-a196-69ab7ada62d3 --key-permissions backup get list --secret-permissions backup get list --subscription {subscriptionId}',
    powershell: `${PS_CONTEXT}Set-AzKeyVaultAccessPolicy -VaultName '{keyVaultName}' -ServicePrincipalName '262044b1-e2ce-469f-a196-69ab7ada62d3' -PermissionsToKeys backup,get,list -PermissionsToSecrets backup,get,list`,
    source: 'quick-backup-vm-cli.md#prerequisites-to-backup-encrypted-vms (the Backup Management Service app id)',
  },
  {
    id: 'grant-backup-keyvault-role',
    target: 'vm',
    keyVaultAccess: 'rbac',
    purpose: {
      en: 'Key vault using Azure RBAC: assign Key Vault Administrator on the key vault to the Backup Management Service',
      fr: 'Coffre de clés sous RBAC Azure : attribuer Key Vault Administrator sur le coffre de clés au service de gestion des sauvegardes',
    },
    azureCli:
      'az role assignment create --assignee 262044b1-e2ce-469f-a196-69ab7ada62d3 --role "Key Vault Administrator" --scope {keyVaultId}',
    powershell: `${PS_CONTEXT}New-AzRoleAssignment -ApplicationId '262044b1-e2ce-469f-a196-69ab7ada62d3' -RoleDefinitionName 'Key Vault Administrator' -Scope '{keyVaultId}'`,
    source:
      'backup-azure-vms-encryption.md, "Back up ADE encrypted VMs with RBAC enabled key vaults" (MicrosoftDocs/azure-docs 00b7fcfd): the Key Vault Administrator role, assigned in the key vault’s access control',
  },
  {
    id: 'vm-disk-sizes',
    target: 'vm',
    purpose: { en: 'Show the size of every disk of the VM', fr: 'Afficher la taille de chaque disque de la VM' },
    azureCli: `az vm show ${AZ_VM} --query "{os:storageProfile.osDisk.diskSizeGb, data:storageProfile.dataDisks[].{lun:lun, name:name, sizeGb:diskSizeGb}}"`,
    powershell: `${PS_CONTEXT}$vm = ${PS_VM}; $vm.StorageProfile.OsDisk.DiskSizeGB; $vm.StorageProfile.DataDisks | Select-Object Lun, Name, DiskSizeGB`,
  },
  {
    id: 'backup-item-state',
    target: 'item',
    purpose: {
      en: 'Show the protection state of the backup item',
      fr: 'Afficher l’état de protection de l’élément sauvegardé',
    },
    azureCli: `az backup item show ${AZ_VAULT} --container-name {vmName} --name {vmName} --backup-management-type AzureIaasVM --query "properties.{state:protectionState, health:healthStatus, policy:policyName}"`,
    powershell: `${PS_CONTEXT}${PS_VAULT}$c = Get-AzRecoveryServicesBackupContainer -ContainerType AzureVM -FriendlyName '{vmName}' -VaultId $v.ID; Get-AzRecoveryServicesBackupItem -Container $c -WorkloadType AzureVM -VaultId $v.ID | Select-Object Name, ProtectionState, ProtectionStatus`,
    variants: {
      AzureWorkload: {
        azureCli: `az backup item show ${AZ_WL} --name {itemName} --query "properties.{state:protectionState, health:healthStatus, last:lastBackupStatus}"`,
        powershell: `${PS_CONTEXT}${PS_VAULT}${PS_WL_ITEM}$i | Select-Object Name, ProtectionState, ProtectionStatus, LastBackupStatus`,
      },
      AzureStorage: {
        azureCli: `az backup item show ${AZ_AFS} --name {itemName} --query "properties.{state:protectionState, health:healthStatus, last:lastBackupStatus}"`,
        powershell: `${PS_CONTEXT}${PS_VAULT}${PS_AFS_ITEM}$i | Select-Object Name, ProtectionState, ProtectionStatus, LastBackupStatus`,
      },
    },
  },
  {
    id: 'stop-protection-keep-data',
    target: 'item',
    purpose: {
      en: 'Stop protecting the item and keep its recovery points',
      fr: 'Arrêter la protection de l’élément en gardant ses points de récupération',
    },
    azureCli: `az backup protection disable ${AZ_VAULT} --container-name {vmName} --item-name {vmName} --backup-management-type AzureIaasVM --delete-backup-data false --yes`,
    powershell: `${PS_CONTEXT}${PS_VAULT}$c = Get-AzRecoveryServicesBackupContainer -ContainerType AzureVM -FriendlyName '{vmName}' -VaultId $v.ID; $i = Get-AzRecoveryServicesBackupItem -Container $c -WorkloadType AzureVM -VaultId $v.ID; Disable-AzRecoveryServicesBackupProtection -Item $i -VaultId $v.ID -Force`,
    variants: {
      AzureWorkload: {
        azureCli: `az backup protection disable ${AZ_WL} --item-name {itemName} --delete-backup-data false --yes`,
        powershell: `${PS_CONTEXT}${PS_VAULT}${PS_WL_ITEM}Disable-AzRecoveryServicesBackupProtection -Item $i -VaultId $v.ID -Force`,
      },
      AzureStorage: {
        azureCli: `az backup protection disable ${AZ_AFS} --item-name {itemName} --delete-backup-data false --yes`,
        powershell: `${PS_CONTEXT}${PS_VAULT}${PS_AFS_ITEM}Disable-AzRecoveryServicesBackupProtection -Item $i -VaultId $v.ID -Force`,
      },
    },
  },
  {
    id: 'backup-now',
    target: 'item',
    purpose: {
      en: 'Retry: run an on-demand backup of the VM',
      fr: 'Réessayer : lancer une sauvegarde à la demande de la VM',
    },
    azureCli: `az backup protection backup-now ${AZ_VAULT} --container-name {vmName} --item-name {vmName} --backup-management-type AzureIaasVM`,
    powershell: `${PS_CONTEXT}${PS_VAULT}$c = Get-AzRecoveryServicesBackupContainer -ContainerType AzureVM -FriendlyName '{vmName}' -VaultId $v.ID; $i = Get-AzRecoveryServicesBackupItem -Container $c -WorkloadType AzureVM -VaultId $v.ID; Backup-AzRecoveryServicesBackupItem -Item $i -VaultId $v.ID`,
    variants: {
      AzureWorkload: {
        purpose: {
          en: 'Retry: run an on-demand full backup of the database',
          fr: 'Réessayer : lancer une sauvegarde complète à la demande de la base',
        },
        azureCli: `az backup protection backup-now ${AZ_WL} --item-name {itemName} --backup-type Full --retain-until {retainUntil}`,
        powershell: `${PS_CONTEXT}${PS_VAULT}${PS_WL_ITEM}Backup-AzRecoveryServicesBackupItem -Item $i -BackupType Full -VaultId $v.ID`,
      },
      AzureStorage: {
        purpose: {
          en: 'Retry: run an on-demand backup of the file share',
          fr: 'Réessayer : lancer une sauvegarde à la demande du partage de fichiers',
        },
        azureCli: `az backup protection backup-now ${AZ_AFS} --item-name {itemName} --retain-until {retainUntil}`,
        powershell: `${PS_CONTEXT}${PS_VAULT}${PS_AFS_ITEM}Backup-AzRecoveryServicesBackupItem -Item $i -VaultId $v.ID`,
      },
    },
  },
];
