import { AZ_VAULT, AZ_VM, PS_CONTEXT, PS_VAULT, PS_VM, runInGuest } from './guestScript.js';
import type { CommandTemplate } from './types.js';

const PS_VM_ITEM =
  "$c = Get-AzRecoveryServicesBackupContainer -ContainerType AzureVM -FriendlyName '{vmName}' -VaultId $v.ID; $i = Get-AzRecoveryServicesBackupItem -Container $c -WorkloadType AzureVM -VaultId $v.ID; ";

/**
 * The commands of *Troubleshoot backup errors with Azure VMs*: what each section asks to check or
 * run, with the names the article gives (services, registry keys, paths), as guest scripts or ARM
 * reads. Each one names its section in a comment.
 */
export const VM_BACKUP_COMMANDS: readonly CommandTemplate[] = [
  {
    // VMRestorePointInternalError: "Faulting application name: IaaSBcdrExtension.exe" (event 1000, Application log).
    id: 'extension-crash-events',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'Look for IaaSBcdrExtension.exe crashes in the Application log (an antivirus stopping the extension)',
      fr: 'Chercher les plantages d’IaaSBcdrExtension.exe dans le journal Application (un antivirus qui bloque l’extension)',
    },
    ...runInGuest(
      'windows',
      "Get-WinEvent -FilterHashtable @{LogName='Application'; Id=1000} -MaxEvents 200 | Where-Object Message -match 'IaaSBcdrExtension' | Select-Object -First 10 TimeCreated, Message",
    ),
  },
  {
    // ExtensionSnapshotFailedCOM / ExtensionInstallationFailedCOM / ExtensionInstallationFailedMDTC.
    id: 'restart-complus',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'Start COM+ System Application and show the account MSDTC runs as (expected: NT AUTHORITY\\NetworkService)',
      fr: 'Démarrer COM+ System Application et afficher le compte de MSDTC (attendu : NT AUTHORITY\\NetworkService)',
    },
    ...runInGuest(
      'windows',
      'net start COMSysApp; Get-CimInstance Win32_Service -Filter "Name=\'MSDTC\'" | Select-Object Name, State, StartName',
    ),
  },
  {
    id: 'reinstall-msdtc',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'Reinstall the Distributed Transaction Coordinator, then start COM+ System Application',
      fr: 'Réinstaller le Distributed Transaction Coordinator, puis démarrer COM+ System Application',
    },
    ...runInGuest(
      'windows',
      'Stop-Service MSDTC -Force; msdtc -uninstall; msdtc -install; Start-Service MSDTC; net start COMSysApp',
    ),
  },
  {
    // ExtensionFailedVssWriterInBadState, step 1.
    id: 'vm-guest-resources',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'Show free memory, free disk space and CPU load in the VM',
      fr: 'Afficher la mémoire libre, l’espace disque libre et la charge CPU de la VM',
    },
    ...runInGuest(
      'windows',
      "Get-CimInstance Win32_OperatingSystem | Select-Object FreePhysicalMemory, TotalVisibleMemorySize; Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=3' | Select-Object DeviceID, FreeSpace, Size; Get-CimInstance Win32_Processor | Select-Object LoadPercentage",
    ),
  },
  {
    id: 'vm-resize-options',
    target: 'vm',
    purpose: {
      en: 'List the sizes the VM can be resized to (more vCPUs, memory or IOPS)',
      fr: 'Lister les tailles vers lesquelles redimensionner la VM (plus de vCPU, de mémoire ou d’IOPS)',
    },
    azureCli: `az vm list-vm-resize-options ${AZ_VM} -o table`,
    powershell: `${PS_CONTEXT}Get-AzVMSize -ResourceGroupName '{vmResourceGroup}' -VMName '{vmName}'`,
  },
  {
    // ExtensionFailedVssWriterInBadState, step 2.
    id: 'vss-list-writers',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'List the VSS writers and their state (expected: [1] Stable)',
      fr: 'Lister les writers VSS et leur état (attendu : [1] Stable)',
    },
    ...runInGuest('windows', 'vssadmin list writers'),
  },
  {
    // ExtensionFailedVssWriterInBadState, step 3.
    id: 'vss-snapshot-without-threads',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'Stop the extension from creating threads for blob snapshots (SnapshotWithoutThreads)',
      fr: 'Empêcher l’extension de créer des threads pour les instantanés de blobs (SnapshotWithoutThreads)',
    },
    ...runInGuest(
      'windows',
      'REG ADD "HKLM\\SOFTWARE\\Microsoft\\BcdrAgentPersistentKeys" /v SnapshotWithoutThreads /t REG_SZ /d True /f',
    ),
  },
  {
    // ExtensionFailedVssWriterInBadState, step 4: the message the article quotes.
    id: 'vss-timeout-events',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'Look for "The shadow copy provider timed out while holding writes" in the System and Application logs',
      fr: 'Chercher « The shadow copy provider timed out while holding writes » dans les journaux Système et Application',
    },
    ...runInGuest(
      'windows',
      "Get-WinEvent -LogName System, Application -MaxEvents 5000 | Where-Object Message -like '*shadow copy provider timed out*' | Select-Object -First 10 TimeCreated, ProviderName, Message",
    ),
  },
  {
    // ExtensionFailedVssServiceInBadState.
    id: 'restart-vss-service',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'Restart the Volume Shadow Copy (VSS) service',
      fr: 'Redémarrer le service Cliché instantané des volumes (VSS)',
    },
    ...runInGuest('windows', 'net stop VSS; net start VSS'),
  },
  {
    // ExtensionFailedTimeoutVMNetworkUnresponsive, step 1.
    id: 'snapshot-through-host',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'Make the extension take snapshots through the host first',
      fr: 'Faire prendre les instantanés par l’hôte en premier',
    },
    ...runInGuest(
      'windows',
      'REG ADD "HKLM\\SOFTWARE\\Microsoft\\BcdrAgentPersistentKeys" /v SnapshotMethod /t REG_SZ /d firstHostThenGuest /f; REG ADD "HKLM\\SOFTWARE\\Microsoft\\BcdrAgentPersistentKeys" /v CalculateSnapshotTimeFromHost /t REG_SZ /d True /f',
    ),
  },
  {
    // ExtensionConfigParsingFailure.
    id: 'machinekeys-acl',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'Show the permissions of the MachineKeys directory (default: Everyone (R,W), BUILTIN\\Administrators (F))',
      fr: 'Afficher les droits du répertoire MachineKeys (par défaut : Everyone (R,W), BUILTIN\\Administrators (F))',
    },
    ...runInGuest('windows', 'icacls "$env:SystemDrive\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys"'),
  },
  {
    // ExtensionSnapshotBitlockerError.
    id: 'bitlocker-status',
    target: 'vm',
    os: 'windows',
    purpose: { en: 'Show the BitLocker state of every drive', fr: 'Afficher l’état BitLocker de chaque lecteur' },
    ...runInGuest('windows', 'manage-bde -status'),
  },
  {
    // ExtensionSnapshotFailedNoSecureNetwork: SchUseStrongCrypto under each .NET Framework key.
    id: 'strong-crypto-status',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'Show SchUseStrongCrypto for the .NET Framework (expected: 1)',
      fr: 'Afficher SchUseStrongCrypto pour le .NET Framework (attendu : 1)',
    },
    ...runInGuest(
      'windows',
      "Get-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319', 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727' -Name SchUseStrongCrypto -ErrorAction SilentlyContinue | Select-Object PSPath, SchUseStrongCrypto",
    ),
  },
  {
    // ExtensionVCRedistInstallationFailure: Start of Msiserver must be 3, not 4.
    id: 'msiserver-start-value',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'Show the start value of the Windows Installer service (expected: 3, not 4)',
      fr: 'Afficher la valeur Start du service Windows Installer (attendu : 3, pas 4)',
    },
    ...runInGuest(
      'windows',
      "Get-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Msiserver' -Name Start",
    ),
  },
  {
    // UserErrorFsFreezeFailed, UserErrorUnableToOpenMount.
    id: 'linux-mounts',
    target: 'vm',
    os: 'linux',
    purpose: {
      en: 'List the mount points (look for duplicates and unreachable file systems)',
      fr: 'Lister les points de montage (chercher les doublons et les systèmes de fichiers injoignables)',
    },
    ...runInGuest('linux', 'findmnt -l -o TARGET,SOURCE,FSTYPE,OPTIONS; mount | sort'),
  },
  {
    // UserErrorFsFreezeFailed (MountsToSkip), ExtensionFailedSnapshotLimitReachedError (isanysnapshotfailed).
    id: 'linux-vmbackup-conf',
    target: 'vm',
    os: 'linux',
    purpose: {
      en: 'Show the backup extension configuration /etc/azure/vmbackup.conf (MountsToSkip, fsfreeze, isanysnapshotfailed)',
      fr: 'Afficher la configuration de l’extension /etc/azure/vmbackup.conf (MountsToSkip, fsfreeze, isanysnapshotfailed)',
    },
    ...runInGuest(
      'linux',
      'cat /etc/azure/vmbackup.conf 2>/dev/null || ls /var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-*/main/tempPlugin/vmbackup.conf',
    ),
  },
  {
    // UserErrorVmNotInDesirableState / VmNotInDesirableState: SELinux and /var/lib/waagent.
    id: 'linux-selinux-status',
    target: 'vm',
    os: 'linux',
    purpose: {
      en: 'Show the SELinux mode and recent denials for the agent (/var/lib/waagent)',
      fr: 'Afficher le mode SELinux et les refus récents pour l’agent (/var/lib/waagent)',
    },
    ...runInGuest('linux', 'getenforce; ausearch -m avc -ts recent 2>/dev/null | grep -i waagent | tail -n 20'),
  },
  {
    // 320001 ResourceNotFound / 400094 BCMV2VMNotFound.
    id: 'vm-show',
    target: 'vm',
    purpose: {
      en: 'Check that the VM still exists (ResourceNotFound means deleted or moved)',
      fr: 'Vérifier que la VM existe encore (ResourceNotFound : supprimée ou déplacée)',
    },
    azureCli: `az vm show ${AZ_VM} --query "{id:id, vmId:vmId, state:provisioningState}"`,
    powershell: `${PS_CONTEXT}${PS_VM} | Select-Object Id, VmId, ProvisioningState`,
  },
  {
    // UserErrorMarketPlaceVMNotSupported.
    id: 'vm-image-plan',
    target: 'vm',
    purpose: {
      en: 'Show the Marketplace plan of the source VM',
      fr: 'Afficher le plan Marketplace de la VM source',
    },
    azureCli: `az vm show ${AZ_VM} --query plan`,
    powershell: `${PS_CONTEXT}(${PS_VM}).Plan`,
  },
  {
    // UserErrorMigrationFromTrustedLaunchVMToNonTrustedVMNotAllowed.
    id: 'vm-security-type',
    target: 'vm',
    purpose: {
      en: 'Show the VM security type (TrustedLaunch or Standard)',
      fr: 'Afficher le type de sécurité de la VM (TrustedLaunch ou Standard)',
    },
    azureCli: `az vm show ${AZ_VM} --query "{securityType:securityProfile.securityType, uefi:securityProfile.uefiSettings}"`,
    powershell: `${PS_CONTEXT}(${PS_VM}).SecurityProfile`,
  },
  {
    // UserErrorRequestDisallowedByPolicy.
    id: 'list-policy-assignments',
    target: 'vm',
    purpose: {
      en: 'List the policy assignments that apply to the restore-point resource group',
      fr: 'Lister les affectations de stratégie qui s’appliquent au groupe de ressources des points de restauration',
    },
    azureCli:
      'az policy assignment list --scope /subscriptions/{subscriptionId}/resourceGroups/{rpResourceGroup} --disable-scope-strict-search --query "[].{name:name, displayName:displayName, definition:policyDefinitionId, scope:scope}" -o table',
    powershell: `${PS_CONTEXT}Get-AzPolicyAssignment -Scope '/subscriptions/{subscriptionId}/resourceGroups/{rpResourceGroup}' | Select-Object Name, PolicyDefinitionId, Scope`,
  },
  {
    id: 'list-policy-denials',
    target: 'vm',
    purpose: {
      en: 'Show the policy denials of the last day in the subscription’s activity log',
      fr: 'Afficher les refus par stratégie du dernier jour dans le journal d’activité de l’abonnement',
    },
    azureCli:
      'az monitor activity-log list --subscription {subscriptionId} --offset 1d --query "[?operationName.value==\'Microsoft.Authorization/policies/deny/action\'].{time:eventTimestamp, group:resourceGroupName, resource:resourceId}" -o table',
    powershell: `${PS_CONTEXT}Get-AzActivityLog -StartTime (Get-Date).AddDays(-1) | Where-Object { $_.OperationName.Value -eq 'Microsoft.Authorization/policies/deny/action' } | Select-Object EventTimestamp, ResourceGroupName, ResourceId`,
  },
  {
    id: 'create-rp-group',
    target: 'vm',
    purpose: {
      en: 'Create the restore-point resource group yourself, with the tags the policy requires',
      fr: 'Créer vous-même le groupe de ressources des points de restauration, avec les étiquettes exigées par la stratégie',
    },
    azureCli:
      'az group create --name {rpResourceGroup} --location {region} --tags {tagName}={tagValue} --subscription {subscriptionId}',
    powershell: `${PS_CONTEXT}New-AzResourceGroup -Name '{rpResourceGroup}' -Location '{region}' -Tag @{'{tagName}'='{tagValue}'}`,
  },
  {
    // UserErrorSkuNotAvailable.
    id: 'list-vm-sizes',
    target: 'other',
    purpose: {
      en: 'List the VM sizes offered in the region',
      fr: 'Lister les tailles de VM proposées dans la région',
    },
    azureCli: 'az vm list-sizes --location {region} --subscription {subscriptionId} -o table',
    powershell: `${PS_CONTEXT}Get-AzVMSize -Location '{region}' | Select-Object Name, NumberOfCores, MemoryInMB`,
  },
  {
    id: 'list-recovery-points',
    target: 'item',
    purpose: {
      en: 'List the recovery points of the item and their tier (snapshot, vault)',
      fr: 'Lister les points de récupération de l’élément et leur niveau (instantané, coffre)',
    },
    azureCli: `az backup recoverypoint list ${AZ_VAULT} --container-name {vmName} --item-name {vmName} --backup-management-type AzureIaasVM -o table`,
    powershell: `${PS_CONTEXT}${PS_VAULT}${PS_VM_ITEM}Get-AzRecoveryServicesBackupRecoveryPoint -Item $i -VaultId $v.ID`,
    variants: {
      AzureWorkload: {
        azureCli: `az backup recoverypoint list ${AZ_VAULT} --backup-management-type AzureWorkload --workload-type {workloadType} --container-name {containerName} --item-name {itemName} -o table`,
        powershell: `${PS_CONTEXT}${PS_VAULT}$i = Get-AzRecoveryServicesBackupItem -BackupManagementType AzureWorkload -WorkloadType {workloadType} -VaultId $v.ID | Where-Object Name -eq '{itemName}'; Get-AzRecoveryServicesBackupRecoveryPoint -Item $i -VaultId $v.ID`,
      },
    },
  },
  {
    // UserErrorSkuNotAvailable, UserErrorCrossSubscriptionRestoreNotSupportedForOLR: restore the disks only.
    id: 'restore-disks',
    target: 'item',
    purpose: {
      en: 'Restore only the disks of a recovery point, then create the VM from them',
      fr: 'Restaurer seulement les disques d’un point de récupération, puis créer la VM à partir d’eux',
    },
    azureCli: `az backup restore restore-disks ${AZ_VAULT} --container-name {vmName} --item-name {vmName} --rp-name {recoveryPointName} --storage-account {storageAccountName} --target-resource-group {targetResourceGroup}`,
    powershell: `${PS_CONTEXT}${PS_VAULT}${PS_VM_ITEM}$rp = Get-AzRecoveryServicesBackupRecoveryPoint -Item $i -VaultId $v.ID -RecoveryPointId '{recoveryPointName}'; Restore-AzRecoveryServicesBackupItem -RecoveryPoint $rp -StorageAccountName '{storageAccountName}' -StorageAccountResourceGroupName '{targetResourceGroup}' -TargetResourceGroupName '{targetResourceGroup}' -VaultId $v.ID`,
  },
  {
    // UserErrorCrossSubscriptionRestoreInvalidTargetSubscription.
    id: 'register-rs-provider',
    target: 'other',
    purpose: {
      en: 'Register the Microsoft.RecoveryServices provider in the target subscription',
      fr: 'Inscrire le fournisseur Microsoft.RecoveryServices dans l’abonnement cible',
    },
    azureCli: 'az provider register --namespace Microsoft.RecoveryServices --subscription {targetSubscriptionId}',
    powershell:
      "Set-AzContext -Subscription '{targetSubscriptionId}' | Out-Null; Register-AzResourceProvider -ProviderNamespace Microsoft.RecoveryServices",
  },
  {
    // UserErrorCrossSubscriptionRestoreInvalidTenant.
    id: 'compare-tenants',
    target: 'other',
    purpose: {
      en: 'Compare the tenants of the source and target subscriptions',
      fr: 'Comparer les locataires des abonnements source et cible',
    },
    azureCli:
      'az account show --subscription {subscriptionId} --query tenantId -o tsv; az account show --subscription {targetSubscriptionId} --query tenantId -o tsv',
    powershell:
      "(Get-AzSubscription -SubscriptionId '{subscriptionId}').TenantId; (Get-AzSubscription -SubscriptionId '{targetSubscriptionId}').TenantId",
  },
  {
    // UserErrorMigrationFromTrustedLaunchVMToNonTrustedVMNotAllowed, scenario 2, steps 1 and 3.
    id: 'vault-soft-delete-state',
    target: 'other',
    purpose: {
      en: 'Show the soft delete state of the vault (disable it only for the documented clean-up, then enable it again)',
      fr: 'Afficher l’état de la suppression réversible du coffre (la désactiver seulement pour le nettoyage documenté, puis la réactiver)',
    },
    azureCli: `az backup vault backup-properties show --name {vaultName} --resource-group {vaultResourceGroup} --subscription {subscriptionId}`,
    powershell: `${PS_CONTEXT}${PS_VAULT}Get-AzRecoveryServicesVaultProperty -VaultId $v.ID | Select-Object SoftDeleteFeatureState`,
  },
  {
    // UserErrorMigrationFromTrustedLaunchVMToNonTrustedVMNotAllowed, scenario 2, step 2.
    id: 'stop-protection-delete-data',
    target: 'item',
    purpose: {
      en: 'Stop protection and delete the backup data (irreversible once soft delete is off)',
      fr: 'Arrêter la protection et supprimer les données de sauvegarde (irréversible sans suppression réversible)',
    },
    azureCli: `az backup protection disable ${AZ_VAULT} --container-name {vmName} --item-name {vmName} --backup-management-type AzureIaasVM --delete-backup-data true --yes`,
    powershell: `${PS_CONTEXT}${PS_VAULT}${PS_VM_ITEM}Disable-AzRecoveryServicesBackupProtection -Item $i -VaultId $v.ID -RemoveRecoveryPoints -Force`,
  },
];
