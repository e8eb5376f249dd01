import { CATALOG } from '../src/core/catalog/index.js';

export interface GeneratedInput {
  bodies: Buffer[];
  records: number;
  bytes: number;
}

export interface GenerateOptions {
  /** Records per Event Hub body. @default 1_000 */
  perBody?: number;
  /** Distinct VMs, spread over 5 vaults. @default 20_000 */
  vms?: number;
  /** Share of failed backup jobs; the rest are successes, with 2 % restore jobs. @default 0.1 */
  failureRate?: number;
}

/**
 * Records shaped like the AddonAzureBackupJobs records of the reference fixture, in Event Hub
 * bodies: failures spread over the catalog codes and one unknown code. Deterministic.
 */
export function generateRecords(records: number, options: GenerateOptions = {}): GeneratedInput {
  const perBody = options.perBody ?? 1_000;
  const vms = options.vms ?? 20_000;
  const failureRate = options.failureRate ?? 0.1;
  const codes = [...CATALOG.codes.map((entry) => entry.code), 'UserErrorSnapshotFailedOnDisk'];
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const bodies: Buffer[] = [];
  let bytes = 0;
  for (let start = 0; start < records; start += perBody) {
    const list = [];
    for (let i = start; i < Math.min(records, start + perBody); i += 1) {
      const vmIndex = Math.floor(random() * vms);
      const vault = vmIndex % 5;
      const sub = `0000000${vault}-1111-4222-8333-444455556666`;
      const vm = `vm-${String(vmIndex).padStart(5, '0')}`;
      const rg = `rg-app-${vmIndex % 40}`;
      const roll = random();
      const failed = roll < failureRate;
      const restore = !failed && roll > 0.98;
      const item = `westeurope;98765432101234567${vault};iaasvmcontainerv2;${rg};${vm}`;
      list.push({
        time: '2026-11-25T02:41:07.0000000Z',
        resourceId: `/SUBSCRIPTIONS/${sub.toUpperCase()}/RESOURCEGROUPS/RG-BACKUP-${vault}/PROVIDERS/MICROSOFT.RECOVERYSERVICES/VAULTS/RSV-BENCH-${vault}`,
        category: 'AddonAzureBackupJobs',
        operationName: 'Job',
        properties: {
          AdHocOrScheduledJob: 'Scheduled',
          BackupItemUniqueId: item,
          BackupManagementServerUniqueId: '',
          BackupManagementType: 'IaaSVM',
          DataTransferredInMB: failed ? 0 : 2048,
          JobDurationInSecs: Math.floor(random() * 6000),
          JobFailureCode: failed ? codes[Math.floor(random() * codes.length)] : 'Success',
          JobOperation: restore ? 'Restore' : 'Backup',
          JobOperationSubType: '',
          JobStartDateTime: `2026-11-25 ${String(Math.floor(random() * 24)).padStart(2, '0')}:00:12Z`,
          JobStatus: failed ? 'Failed' : 'Completed',
          JobUniqueId: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
          ProtectedContainerUniqueId: item,
          RecoveryJobDestination: '',
          RecoveryJobRPDateTime: '',
          RecoveryJobRPLocation: '',
          RecoveryLocationType: '',
          SchemaVersion: 'V2',
          State: 'Active',
          VaultUniqueId: `westeurope;98765432101234567${vault}`,
          BackupItemFriendlyName: vm,
          DatasourceFriendlyName: vm,
          DatasourceResourceId: `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${vm}`,
          DatasourceType: 'Microsoft.Compute/virtualMachines',
          VaultName: `rsv-bench-${vault}`,
          ResourceGroupName: `rg-backup-${vault}`,
          SubscriptionId: sub,
          AzureDataCenter: 'westeurope',
          StorageReplicationType: 'GeoRedundant',
        },
      });
    }
    const body = Buffer.from(JSON.stringify({ records: list }));
    bytes += body.length;
    bodies.push(body);
  }
  return { bodies, records, bytes };
}
