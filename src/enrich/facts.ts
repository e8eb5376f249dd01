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
  /**
   * Disk size limits (troubleshooting article, UserErrorUnsupportedDiskSize, 2025-11-12: "a disk size
   * greater than 32 TB… backup of encrypted disks greater than 4 TB in size isn't currently
   * supported"; support matrix, "VM storage support": "Individual disk size can be up to 32 TB and a
   * maximum of 256 TB combined for all disks in a VM", for standard and enhanced policies alike).
   * 1 TB = 1,024 GB, as the disk sizes Azure reports (`diskSizeGB`) count them.
   */
  maxDiskGb: 32 * 1024,
  maxEncryptedDiskGb: 4 * 1024,
  maxVmDisksGb: 256 * 1024,
  /** The French source article's limit, superseded: quoted to explain the code's old message. */
  legacyMaxDiskGb: 4095,
  /** A VM can hold at most 18 instant restore points. */
  maxRestorePoints: 18,
  /** Within this many of the limit, the restore points are "near" it: a lock there is about to fail backups. */
  nearRestorePointMargin: 2,
  /** Rights the Backup service needs on an ADE key vault (keys and secrets). */
  keyVaultRights: ['get', 'list', 'backup'],
} as const;
