import type { CodeEntry } from './types.js';

/** BackUpOperationFailed and BackUpOperationFailedV2 share one section of the article. */
const INTERNAL_ERROR: CodeEntry = {
  code: 'BackUpOperationFailed',
  errorMessages: ['Backup failed with an internal error - Please retry the operation in a few minutes'],
  aliases: [],
  anchor: 'backupoperationfailed--backupoperationfailedv2---backup-fails-with-an-internal-error',
  title: { en: 'Backup failed with an internal error', fr: 'La sauvegarde a échoué sur une erreur interne' },
  message: {
    en: 'Backup failed with an internal error - Please retry the operation in a few minutes',
    fr: 'Échec de l’opération de sauvegarde avec une erreur interne : veuillez retenter l’opération dans quelques minutes',
  },
  category: 'transient',
  documentedIn: 'fr',
  causes: [
    'agent-unresponsive-windows',
    'agent-outdated-linux',
    'snapshot-not-taken',
    'extension-update-failed',
    'rp-group-lock',
    'no-internet-access',
  ],
  addedCauses: ['extension-bits-mismatch'],
};

/**
 * The codes of the agent and extension article. `causes` follow, code by code, the order of the
 * French source article (troubleshoot-agent-extension.fr.md); `addedCauses` are what the newer
 * English articles list beyond it, and the last three codes exist only in English. Anchors and
 * `errorMessages` are those of the current English article (ms.date 11/12/2025).
 */
export const CODES: readonly CodeEntry[] = [
  {
    code: 'UserErrorGuestAgentStatusUnavailable',
    errorMessages: ['VM Agent unable to communicate with Azure Backup'],
    aliases: [],
    anchor: 'UserErrorGuestAgentStatusUnavailable-vm-agent-unable-to-communicate-with-azure-backup',
    title: {
      en: 'VM agent unable to communicate with Azure Backup',
      fr: 'L’agent de la VM ne communique pas avec Azure Backup',
    },
    message: {
      en: 'VM Agent unable to communicate with Azure Backup',
      fr: 'L’agent de machine virtuelle ne peut pas communiquer avec la sauvegarde Microsoft Azure',
    },
    category: 'user-action',
    documentedIn: 'fr',
    causes: [
      'agent-unresponsive-windows',
      'agent-outdated-linux',
      'snapshot-not-taken',
      'extension-update-failed',
      'no-internet-access',
    ],
    addedCauses: ['vm-extension-failed'],
  },
  {
    code: 'GuestAgentSnapshotTaskStatusError',
    errorMessages: ['Could not communicate with the VM agent for snapshot status'],
    aliases: [],
    anchor: 'guestagentsnapshottaskstatuserror---could-not-communicate-with-the-vm-agent-for-snapshot-status',
    title: {
      en: 'Could not communicate with the VM agent for snapshot status',
      fr: 'Impossible d’obtenir de l’agent de la VM l’état de l’instantané',
    },
    message: {
      en: 'Could not communicate with the VM agent for snapshot status',
      fr: 'Impossible de communiquer avec l’agent en charge de la machine virtuelle pour avoir un aperçu de l’état instantané',
    },
    category: 'user-action',
    documentedIn: 'fr',
    causes: ['agent-unresponsive-windows', 'agent-outdated-linux', 'no-internet-access'],
    addedCauses: ['snapshot-not-taken', 'agent-config-linux', 'app-control-blocking'],
  },
  {
    code: 'UserErrorRpCollectionLimitReached',
    errorMessages: ['The Restore Point collection max limit has reached.'],
    aliases: [],
    anchor: 'usererrorrpcollectionlimitreached---the-restore-point-collection-max-limit-has-reached',
    title: {
      en: 'The restore point collection limit has been reached',
      fr: 'La limite de la collection de points de restauration est atteinte',
    },
    message: {
      en: 'The Restore Point collection max limit has reached.',
      fr: 'La limite maximale de la collection de points de restauration est atteinte.',
    },
    category: 'configuration',
    documentedIn: 'fr',
    causes: ['rp-group-lock', 'multiple-backups-per-day'],
    addedCauses: ['rp-collection-limit'],
    establishes: ['rp-collection-limit'],
  },
  {
    code: 'UserErrorKeyvaultPermissionsNotConfigured',
    errorMessages: ["Backup doesn't have sufficient permissions to the key vault for backup of encrypted VMs."],
    aliases: [],
    anchor:
      'usererrorkeyvaultpermissionsnotconfigured---backup-doesnt-have-sufficient-permissions-to-the-key-vault-for-backup-of-encrypted-vms',
    title: {
      en: 'Backup lacks permissions on the key vault of an encrypted VM',
      fr: 'La sauvegarde n’a pas les autorisations sur le coffre de clés d’une VM chiffrée',
    },
    message: {
      en: 'Backup doesn’t have sufficient permissions to the key vault for backup of encrypted VMs.',
      fr: 'Sauvegarde Azure ne dispose pas des autorisations d’accès suffisantes au coffre de clés pour la sauvegarde de machines virtuelles chiffrées.',
    },
    category: 'configuration',
    documentedIn: 'fr',
    causes: ['keyvault-permissions'],
    addedCauses: [],
    establishes: ['keyvault-permissions'],
  },
  {
    code: 'ExtensionSnapshotFailedNoNetwork',
    errorMessages: ['Snapshot operation failed due to no network connectivity on the virtual machine'],
    aliases: [],
    anchor:
      'ExtensionSnapshotFailedNoNetwork-snapshot-operation-failed-due-to-no-network-connectivity-on-the-virtual-machine',
    title: {
      en: 'Snapshot failed: no network connectivity on the VM',
      fr: 'Échec de l’instantané : aucune connectivité réseau sur la VM',
    },
    message: {
      en: 'Snapshot operation failed due to no network connectivity on the virtual machine',
      fr: 'L’opération de capture instantanée a échoué, car la machine virtuelle ne présente aucune connectivité réseau',
    },
    category: 'configuration',
    documentedIn: 'fr',
    causes: ['snapshot-not-taken', 'extension-update-failed', 'no-internet-access'],
    addedCauses: [],
  },
  {
    code: 'ExtentionOperationFailedForManagedDisks',
    errorMessages: ['VMSnapshot extension operation failed'],
    aliases: ['ExtensionOperationFailedForManagedDisks'],
    anchor: 'ExtensionOperationFailed-vmsnapshot-extension-operation-failed',
    title: { en: 'VMSnapshot extension operation failed', fr: 'Échec de l’opération de l’extension VMSnapshot' },
    message: { en: 'VMSnapshot extension operation failed', fr: 'Échec de l’opération d’extension VMSnapshot' },
    category: 'user-action',
    documentedIn: 'fr',
    causes: ['snapshot-not-taken', 'extension-update-failed', 'agent-unresponsive-windows', 'agent-outdated-linux'],
    addedCauses: [],
  },
  INTERNAL_ERROR,
  {
    ...INTERNAL_ERROR,
    code: 'BackUpOperationFailedV2',
    // The VM article documents a second meaning: failures after moving from a Standard to an Enhanced policy.
    errorMessages: [
      ...INTERNAL_ERROR.errorMessages!,
      'The backups of VMs have failed after the policy migration from Standard to Enhanced policy.',
    ],
    addedCauses: [...INTERNAL_ERROR.addedCauses, 'enhanced-policy-migration'],
  },
  {
    code: 'UserErrorUnsupportedDiskSize',
    errorMessages: ['The configured disk size(s) is currently not supported by Azure Backup.'],
    aliases: [],
    anchor: 'usererrorunsupporteddisksize---the-configured-disk-sizes-is-currently-not-supported-by-azure-backup',
    title: {
      en: 'Disk size not supported by Azure Backup',
      fr: 'Taille de disque non prise en charge par Azure Backup',
    },
    message: {
      en: 'Currently Azure Backup does not support disk sizes greater than 4095GB',
      fr: 'Actuellement Azure Backup ne prend pas en charge les tailles de disque supérieures à 4 095 Go',
    },
    category: 'platform-limit',
    documentedIn: 'fr',
    causes: ['disk-too-large'],
    addedCauses: [],
    establishes: ['disk-too-large'],
  },
  {
    code: 'UserErrorBackupOperationInProgress',
    errorMessages: ['Unable to initiate backup as another backup operation is currently in progress'],
    aliases: [],
    anchor:
      'usererrorbackupoperationinprogress---unable-to-initiate-backup-as-another-backup-operation-is-currently-in-progress',
    title: { en: 'Another backup operation is in progress', fr: 'Une autre opération de sauvegarde est en cours' },
    message: {
      en: 'Unable to initiate backup as another backup operation is currently in progress',
      fr: 'Impossible de lancer la sauvegarde, car une autre opération de sauvegarde est en cours d’exécution',
    },
    category: 'transient',
    documentedIn: 'fr',
    causes: ['backup-in-progress'],
    addedCauses: [],
  },
  {
    code: 'UserErrorVmProvisioningStateFailed',
    errorMessages: ['The VM is in failed provisioning state'],
    aliases: [],
    anchor: 'usererrorvmprovisioningstatefailed---the-vm-is-in-failed-provisioning-state',
    title: { en: 'The VM is in a failed provisioning state', fr: 'La VM est en état d’approvisionnement échoué' },
    message: { en: 'The VM is in failed provisioning state', fr: 'La VM est en état d’approvisionnement échoué' },
    category: 'user-action',
    documentedIn: 'en',
    causes: ['vm-extension-failed', 'vm-provisioning-updating'],
    addedCauses: [],
  },
  {
    code: 'UserErrorCrpReportedUserError',
    errorMessages: ['Backup failed due to an error. For details, see Job Error Message Details.'],
    aliases: [],
    anchor: 'usererrorcrpreportedusererror---backup-failed-due-to-an-error-for-details-see-job-error-message-details',
    title: {
      en: 'Backup failed with an error reported by the VM platform',
      fr: 'Échec de la sauvegarde sur une erreur signalée par la plateforme de la VM',
    },
    message: {
      en: 'Backup failed due to an error. For details, see Job Error Message Details.',
      fr: 'Échec de la sauvegarde sur une erreur. Pour le détail, voir le message d’erreur du travail.',
    },
    category: 'user-action',
    documentedIn: 'en',
    causes: ['crp-reported-error'],
    addedCauses: [],
  },
  {
    code: 'UserErrorBcmDatasourceNotPresent',
    errorMessages: ['Backup failed: This virtual machine is not (actively) protected by Azure Backup.'],
    aliases: [],
    anchor:
      'usererrorbcmdatasourcenotpresent---backup-failed-this-virtual-machine-is-not-actively-protected-by-azure-backup',
    title: {
      en: 'The VM is not (actively) protected by Azure Backup',
      fr: 'La VM n’est pas protégée (activement) par Azure Backup',
    },
    message: {
      en: 'Backup failed: This virtual machine is not (actively) protected by Azure Backup.',
      fr: 'Échec de la sauvegarde : cette machine virtuelle n’est pas protégée (activement) par Azure Backup.',
    },
    category: 'configuration',
    documentedIn: 'en',
    causes: ['datasource-not-protected'],
    addedCauses: [],
  },
];
