/**
 * Platform facts the probes judge against, with their sources (shared/docs/agent-and-extension-facts.md).
 */
export const FACTS = {
  /** KB 4049215: oldest Windows guest agent supported for extensions. */
  minWindowsAgent: '2.7.41491.1010',
  /** KB 4049215: oldest Linux agent (Goal State Agent) supported for extensions, since July 2022. */
  minLinuxAgent: '2.2.53.1',
  /** Backup extension types: Windows and Linux (publisher Microsoft.Azure.RecoveryServices). */
  snapshotExtensions: { windows: 'VMSnapshot', linux: 'VMSnapshotLinux' },
  /** The source article's disk limit. */
  maxDiskGb: 4095,
  /** A VM can hold at most 18 instant restore points. */
  maxRestorePoints: 18,
  /** Rights the Backup service needs on an ADE key vault (keys and secrets). */
  keyVaultRights: ['get', 'list', 'backup'],
} as const;
