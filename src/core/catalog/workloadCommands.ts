import { AZ_VAULT, AZ_VM, PS_CONTEXT, PS_VAULT, PS_VM, runInGuest } from './guestScript.js';
import type { CommandTemplate } from './types.js';

/**
 * The commands of the SQL Server and SAP HANA in Azure VM troubleshooting articles: reads in the
 * host VM (the workload extension, SQL Server settings through sqlcmd, the HANA files the articles
 * name) and the vault operations on the database's container (`VMAppContainer;Compute;<rg>;<vm>`).
 */
export const WORKLOAD_COMMANDS: readonly CommandTemplate[] = [
  {
    // Re-registration failures: AzureBackupWindowsWorkload (SQL Server) / AzureBackupLinuxWorkload (SAP HANA).
    id: 'wl-extension-status',
    target: 'vm',
    purpose: {
      en: 'Show the workload backup extension of the VM (AzureBackupWindowsWorkload or AzureBackupLinuxWorkload)',
      fr: 'Afficher l’extension de sauvegarde de charge de travail de la VM (AzureBackupWindowsWorkload ou AzureBackupLinuxWorkload)',
    },
    azureCli: `az vm get-instance-view ${AZ_VM} --query "instanceView.extensions[?contains(name, 'Workload')].{name:name, status:statuses[0].displayStatus, message:statuses[0].message}" -o table`,
    powershell: `${PS_CONTEXT}(${PS_VM} -Status).Extensions | Where-Object Name -like '*Workload*' | Select-Object Name, @{n='Status';e={$_.Statuses[0].DisplayStatus}}, @{n='Message';e={$_.Statuses[0].Message}}`,
  },
  {
    id: 'wl-reregister',
    target: 'database',
    purpose: {
      en: 'Re-register the VM (its workload container) with the vault',
      fr: 'Réinscrire la VM (son conteneur de charge de travail) auprès du coffre',
    },
    azureCli: `az backup container re-register ${AZ_VAULT} --backup-management-type AzureWorkload --workload-type {workloadType} --container-name {containerName} --yes`,
    powershell: `${PS_CONTEXT}${PS_VAULT}Register-AzRecoveryServicesBackupContainer -ResourceId '{vmResourceId}' -BackupManagementType AzureWorkload -WorkloadType {workloadType} -VaultId $v.ID -Force`,
  },
  {
    id: 'wl-rediscover',
    target: 'database',
    purpose: {
      en: 'Rediscover the databases of the VM',
      fr: 'Redécouvrir les bases de la VM',
    },
    azureCli: `az backup protectable-item initialize ${AZ_VAULT} --workload-type {workloadType} --container-name {containerName}`,
    powershell: `${PS_CONTEXT}${PS_VAULT}$c = Get-AzRecoveryServicesBackupContainer -ContainerType AzureVMAppContainer -FriendlyName '{vmName}' -VaultId $v.ID; Initialize-AzRecoveryServicesBackupProtectableItem -Container $c -WorkloadType {workloadType} -VaultId $v.ID`,
  },
  {
    // AutoProtectionCancelledOrNotValid.
    id: 'wl-auto-protection',
    target: 'database',
    purpose: {
      en: 'Turn auto-protection on again for the SQL Server instance',
      fr: 'Réactiver la protection automatique de l’instance SQL Server',
    },
    azureCli: `az backup protection auto-enable-for-azurewl ${AZ_VAULT} --policy-name {policyName} --protectable-item-name {instanceName} --protectable-item-type SQLInstance --server-name {vmName} --workload-type MSSQL`,
    powershell: `${PS_CONTEXT}${PS_VAULT}$pol = Get-AzRecoveryServicesBackupProtectionPolicy -Name '{policyName}' -VaultId $v.ID; $inst = Get-AzRecoveryServicesBackupProtectableItem -WorkloadType MSSQL -ItemType SQLInstance -Name '{instanceName}' -VaultId $v.ID; Enable-AzRecoveryServicesBackupAutoProtection -InputItem $inst -BackupManagementType AzureWorkload -WorkloadType MSSQL -Policy $pol -VaultId $v.ID`,
  },
  {
    // UserErrorSQLNoSysadminMembership, UserErrorOpeningSQLConnection ("Set VM permissions").
    id: 'sql-plugin-sysadmin',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'Check that NT SERVICE\\AzureWLBackupPluginSvc is sysadmin of the local SQL Server instance (expected: 1)',
      fr: 'Vérifier que NT SERVICE\\AzureWLBackupPluginSvc est sysadmin de l’instance SQL Server locale (attendu : 1)',
    },
    ...runInGuest(
      'windows',
      "sqlcmd -S localhost -E -Q \"SELECT IS_SRVROLEMEMBER('sysadmin', 'NT SERVICE\\AzureWLBackupPluginSvc') AS plugin_is_sysadmin\"",
    ),
  },
  {
    // UserErrorSQLPODoesNotSupportBackupType.
    id: 'sql-recovery-models',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'List the databases with their recovery model and state',
      fr: 'Lister les bases avec leur mode de récupération et leur état',
    },
    ...runInGuest(
      'windows',
      'sqlcmd -S localhost -E -Q "SELECT name, recovery_model_desc, state_desc FROM sys.databases"',
    ),
  },
  {
    // UserErrorBackupFailedAsTransactionLogIsFull (SQL Server error 9002).
    id: 'sql-log-space',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'Show the transaction log use of each database and what holds it (log_reuse_wait_desc)',
      fr: 'Afficher l’occupation du journal des transactions de chaque base et ce qui le retient (log_reuse_wait_desc)',
    },
    ...runInGuest(
      'windows',
      'sqlcmd -S localhost -E -Q "DBCC SQLPERF(LOGSPACE); SELECT name, log_reuse_wait_desc FROM sys.databases"',
    ),
  },
  {
    // UserErrorOperationNotAllowedDatabaseMirroringEnabled.
    id: 'sql-mirroring',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'List the databases in a database mirroring session',
      fr: 'Lister les bases en session de mise en miroir',
    },
    ...runInGuest(
      'windows',
      'sqlcmd -S localhost -E -Q "SELECT DB_NAME(database_id) AS db, mirroring_role_desc, mirroring_state_desc FROM sys.database_mirroring WHERE mirroring_guid IS NOT NULL"',
    ),
  },
  {
    // UserErrorWindowsWLExtFailedToStartPluginService.
    id: 'wl-plugin-service',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'Show the workload plugin service (AzureWLBackupPluginSvc) and its account',
      fr: 'Afficher le service du plugin de charge de travail (AzureWLBackupPluginSvc) et son compte',
    },
    ...runInGuest(
      'windows',
      'Get-CimInstance Win32_Service -Filter "Name=\'AzureWLBackupPluginSvc\'" | Select-Object Name, State, StartName',
    ),
  },
  {
    // UserErrorVMInternetConnectivityIssue: the VM must reach Microsoft Entra ID (and Azure Backup, Storage).
    id: 'test-entra-windows',
    target: 'vm',
    os: 'windows',
    purpose: {
      en: 'From a Windows guest, test HTTPS to Microsoft Entra ID (login.microsoftonline.com)',
      fr: 'Depuis un invité Windows, tester HTTPS vers Microsoft Entra ID (login.microsoftonline.com)',
    },
    ...runInGuest('windows', 'Test-NetConnection login.microsoftonline.com -Port 443'),
  },
  {
    // UserErrorCannotConnectToAzureActiveDirectoryService.
    id: 'test-entra-linux',
    target: 'vm',
    os: 'linux',
    purpose: {
      en: 'From a Linux guest, test HTTPS to Microsoft Entra ID (login.microsoftonline.com)',
      fr: 'Depuis un invité Linux, tester HTTPS vers Microsoft Entra ID (login.microsoftonline.com)',
    },
    ...runInGuest(
      'linux',
      "curl -sS -o /dev/null -w '%{http_code}\\n' --max-time 10 https://login.microsoftonline.com/",
    ),
  },
  {
    // UserErrorMisConfiguredSslCaStore: the SLES root CA bundle must be readable (chmod o+r).
    id: 'hana-ca-store-perms',
    target: 'vm',
    os: 'linux',
    purpose: {
      en: 'Show the permissions of the root CA bundle /var/lib/ca-certificates/ca-bundle.pem (SLES)',
      fr: 'Afficher les droits du magasin des autorités racines /var/lib/ca-certificates/ca-bundle.pem (SLES)',
    },
    ...runInGuest('linux', 'ls -l /var/lib/ca-certificates/ca-bundle.pem'),
  },
  {
    // UserErrorInsufficientSpaceOnSystemDriveForExtensionMetadata.
    id: 'hana-disk-space',
    target: 'vm',
    os: 'linux',
    purpose: { en: 'Show the free disk space of the VM', fr: 'Afficher l’espace disque libre de la VM' },
    ...runInGuest('linux', 'df -h'),
  },
  {
    // UserErrorInvalidBackint: hdbbackint at /usr/sap/<sid>/SYS/global/hdb/opt needs mode 755 and room.
    id: 'hana-backint-path',
    target: 'vm',
    os: 'linux',
    purpose: {
      en: 'Show the hdbbackint executables, their owner and mode, and the free space under /usr/sap',
      fr: 'Afficher les exécutables hdbbackint, leur propriétaire et leurs droits, et l’espace libre sous /usr/sap',
    },
    ...runInGuest('linux', 'ls -l /usr/sap/*/SYS/global/hdb/opt/hdbbackint /opt/msawb/bin 2>&1; df -h /usr/sap'),
  },
];
