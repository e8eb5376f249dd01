/**
 * What a backup item is: an Azure VM, a database inside an Azure VM, an Azure file share, or a
 * server protected by an agent. One vault streams them all; a VM probe or a VM command only makes
 * sense for what runs in a VM, and each workload has its own CLI parameters.
 */
export const WORKLOADS = [
  'azure-vm',
  'sql-in-vm',
  'sap-hana-in-vm',
  'sap-ase-in-vm',
  'azure-files',
  'mars',
  'dpm-mabs',
  'unknown',
] as const;
export type Workload = (typeof WORKLOADS)[number];

/** The fields every input shape may carry about the item, under whatever name the shape uses. */
export interface WorkloadClues {
  /** `AzureIaasVM`, `IaaSVM`, `AzureWorkload`, `AzureStorage`, `MAB`, `DPM`, `AzureBackupServer`, … */
  backupManagementType?: string | undefined;
  /** `DatasourceType` (resource logs), `workloadType` (REST jobs), `sourceType` (alerts), `BackupItemType`. */
  datasourceType?: string | undefined;
  /** `AzureIaaSVMJob`, `AzureWorkloadJob`, `AzureStorageJob`, `MabJob`, `DpmJob` (REST jobs). */
  jobType?: string | undefined;
  /** `iaasvmcontainerv2;…`, `VMAppContainer;Compute;…`, `StorageContainer;Storage;…`, or a BackupItemUniqueId. */
  container?: string | undefined;
}

// Values from the REST enums (BackupManagementType, DataSourceType, jobType), the Azure Monitor
// tables (BackupManagementType IaaSVM, DatasourceType Microsoft.Compute/virtualMachines) and the
// built-in alerts (sourceType SQLDataBase, formattedSourceType AzureVmSQL).
const BY_DATASOURCE: ReadonlyArray<[RegExp, Workload]> = [
  [/^(vm|iaasvm|iaasvmcontainer(v2)?|microsoft\.(classic)?compute\/virtualmachines)$/, 'azure-vm'],
  [/^(sqldatabase|sqldb|mssql|sqlinstance|sqlavailabilitygroup\w*|azurevmsql)$/, 'sql-in-vm'],
  [/^(saphana\w*|azurevmsaphana\w*)$/, 'sap-hana-in-vm'],
  [/^(sapase\w*|azurevmsapase\w*)$/, 'sap-ase-in-vm'],
  [/^(azurefileshare|microsoft\.storage\/storageaccounts\/fileservices\/shares|azurestorage)$/, 'azure-files'],
  [/^(filefolder|systemstate)$/, 'mars'],
];
const BY_JOB_TYPE: ReadonlyArray<[RegExp, Workload]> = [
  [/^azureiaasvmjob(v2)?$/, 'azure-vm'],
  [/^azurestoragejob$/, 'azure-files'],
  [/^mabjob$/, 'mars'],
  [/^dpmjob$/, 'dpm-mabs'],
];
const BY_MANAGEMENT: ReadonlyArray<[RegExp, Workload]> = [
  [/^(azure)?iaasvm$/, 'azure-vm'],
  [/^azurestorage$/, 'azure-files'],
  [/^(mab|mars)$/, 'mars'],
  [/^(dpm|mabs|azurebackupserver)$/, 'dpm-mabs'],
];
const BY_CONTAINER: ReadonlyArray<[RegExp, Workload]> = [
  [/(^|;)iaasvmcontainer(v2)?;/, 'azure-vm'],
  [/(^|;)storagecontainer;/, 'azure-files'],
];

function match(table: ReadonlyArray<[RegExp, Workload]>, value: string | undefined): Workload | undefined {
  if (value === undefined) return undefined;
  const key = value.trim().toLowerCase();
  return table.find(([pattern]) => pattern.test(key))?.[1];
}

/**
 * The workload of an item from the clues at hand, the most specific first: the datasource type
 * tells SQL from SAP HANA, where the management type only says "a workload in a VM".
 */
export function toWorkload(clues: WorkloadClues): Workload {
  return (
    match(BY_DATASOURCE, clues.datasourceType) ??
    match(BY_JOB_TYPE, clues.jobType) ??
    match(BY_MANAGEMENT, clues.backupManagementType) ??
    match(BY_CONTAINER, clues.container) ??
    'unknown'
  );
}

/** Items that live in an Azure VM: the VM (its own, or the database's host) can be probed. */
export function isVmHosted(workload: Workload): boolean {
  return workload === 'azure-vm' || isDatabaseInVm(workload);
}

/** A database protected inside an Azure VM (`AzureWorkload`). */
export function isDatabaseInVm(workload: Workload): boolean {
  return workload === 'sql-in-vm' || workload === 'sap-hana-in-vm' || workload === 'sap-ase-in-vm';
}

/** The `--backup-management-type` of the Azure CLI backup commands, when the CLI can act on the item. */
export function cliManagementType(workload: Workload): 'AzureIaasVM' | 'AzureWorkload' | 'AzureStorage' | undefined {
  if (workload === 'azure-vm' || workload === 'unknown') return 'AzureIaasVM';
  if (isDatabaseInVm(workload)) return 'AzureWorkload';
  if (workload === 'azure-files') return 'AzureStorage';
  return undefined;
}
