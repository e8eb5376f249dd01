import type { CauseEntry } from './types.js';

/**
 * The documented causes, each once. Titles and steps paraphrase the troubleshooting article
 * ("Causes and solutions"); names, limits and paths are the article's facts.
 */
export const CAUSES: readonly CauseEntry[] = [
  {
    id: 'agent-unresponsive-windows',
    anchor: 'the-agent-installed-in-the-vm-but-unresponsive-for-windows-vms',
    title: {
      en: 'The VM agent is installed but not responding (Windows VMs)',
      fr: 'L’agent de la VM est installé mais ne répond plus (VM Windows)',
    },
    action: {
      en: 'Restart the Windows Azure Guest Agent service on {vmName} (resource group {vmResourceGroup}), reinstall the agent if it is missing, then retry the backup in vault {vaultName}.',
      fr: 'Redémarrez le service Windows Azure Guest Agent sur {vmName} (groupe de ressources {vmResourceGroup}), réinstallez l’agent s’il manque, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'In the VM, open services.msc and check that "Windows Azure Guest Agent" is running; restart it.',
        'If the service is missing, look for the agent under Programs and Features; if it is listed, uninstall it.',
        'Install the latest agent MSI (https://go.microsoft.com/fwlink/?LinkID=394789) with administrator rights, then check the service appears and runs.',
        'Make sure .NET Framework 4.5 or later is installed: the agent needs it to talk to the platform.',
        'Run an on-demand backup (Backup now) to confirm.',
      ],
      fr: [
        'Dans la VM, ouvrez services.msc et vérifiez que « Windows Azure Guest Agent » s’exécute ; redémarrez-le.',
        'Si le service n’apparaît pas, cherchez l’agent dans Programmes et fonctionnalités ; s’il y figure, désinstallez-le.',
        'Installez le MSI le plus récent de l’agent (https://go.microsoft.com/fwlink/?LinkID=394789) avec des droits d’administrateur, puis vérifiez que le service est présent et démarré.',
        'Vérifiez que .NET Framework 4.5 ou ultérieur est installé : l’agent en a besoin pour dialoguer avec la plateforme.',
        'Lancez une sauvegarde à la demande (Sauvegarder maintenant) pour confirmer.',
      ],
    },
    commands: ['vm-agent-status', 'backup-now'],
    os: 'windows',
    osNeutralAction: {
      en: 'Check that the VM agent of {vmName} (resource group {vmResourceGroup}) reports Ready (first command below). If it does not: on Windows, restart the Windows Azure Guest Agent service (reinstall the agent if it is missing); on Linux, update waagent from the distribution repository and restart it. Then retry the backup in vault {vaultName}.',
      fr: 'Vérifiez que l’agent de la VM {vmName} (groupe de ressources {vmResourceGroup}) est « Ready » (première commande ci-dessous). Sinon : sous Windows, redémarrez le service Windows Azure Guest Agent (réinstallez l’agent s’il manque) ; sous Linux, mettez à jour waagent depuis le dépôt de la distribution et redémarrez-le. Relancez ensuite la sauvegarde dans le coffre {vaultName}.',
    },
    probes: ['vm-agent'],
  },
  {
    id: 'agent-outdated-linux',
    anchor: 'the-agent-installed-in-the-vm-is-out-of-date-for-linux-vms',
    title: {
      en: 'The VM agent is out of date (Linux VMs)',
      fr: 'L’agent de la VM est obsolète (VM Linux)',
    },
    action: {
      en: 'Update the Linux agent (waagent) on {vmName} (resource group {vmResourceGroup}) from the distribution repository, make sure it runs, then retry the backup in vault {vaultName}.',
      fr: 'Mettez à jour l’agent Linux (waagent) de {vmName} (groupe de ressources {vmResourceGroup}) depuis le dépôt de la distribution, vérifiez qu’il s’exécute, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Update the agent through the distribution’s package repository, not from GitHub; ask the distribution vendor if no recent package exists.',
        'Check the agent process runs (ps -e); otherwise restart it: systemctl restart walinuxagent (Ubuntu/Debian) or systemctl restart waagent (other distributions).',
        'Enable the agent’s automatic restart so a crash does not stop backups again.',
        'Run a test backup; if it still fails, collect /var/lib/waagent/*.xml, /var/log/waagent.log and /var/log/azure/*.',
        'For verbose agent logs, set Logs.Verbose=y in /etc/waagent.conf and restart the agent.',
      ],
      fr: [
        'Mettez l’agent à jour par le dépôt de paquets de la distribution, pas depuis GitHub ; demandez à l’éditeur de la distribution si aucun paquet récent n’existe.',
        'Vérifiez que le processus de l’agent tourne (ps -e) ; sinon redémarrez-le : systemctl restart walinuxagent (Ubuntu/Debian) ou systemctl restart waagent (autres distributions).',
        'Activez le redémarrage automatique de l’agent pour qu’un plantage n’arrête plus les sauvegardes.',
        'Lancez une sauvegarde de test ; en cas d’échec, récupérez /var/lib/waagent/*.xml, /var/log/waagent.log et /var/log/azure/*.',
        'Pour des journaux détaillés, mettez Logs.Verbose=y dans /etc/waagent.conf et redémarrez l’agent.',
      ],
    },
    commands: ['vm-agent-status', 'update-linux-agent', 'backup-now'],
    fix: 'update-linux-agent',
    os: 'linux',
    osNeutralAction: {
      en: 'Check that the VM agent of {vmName} (resource group {vmResourceGroup}) reports Ready (first command below). If it does not: on Windows, restart the Windows Azure Guest Agent service (reinstall the agent if it is missing); on Linux, update waagent from the distribution repository and restart it. Then retry the backup in vault {vaultName}.',
      fr: 'Vérifiez que l’agent de la VM {vmName} (groupe de ressources {vmResourceGroup}) est « Ready » (première commande ci-dessous). Sinon : sous Windows, redémarrez le service Windows Azure Guest Agent (réinstallez l’agent s’il manque) ; sous Linux, mettez à jour waagent depuis le dépôt de la distribution et redémarrez-le. Relancez ensuite la sauvegarde dans le coffre {vaultName}.',
    },
    probes: ['vm-agent'],
  },
  {
    id: 'snapshot-not-taken',
    anchor: 'the-snapshot-status-cannot-be-retrieved-or-a-snapshot-cannot-be-taken',
    title: {
      en: 'The snapshot status cannot be retrieved, or the snapshot cannot be taken',
      fr: 'L’état de l’instantané est introuvable, ou l’instantané ne peut pas être pris',
    },
    action: {
      en: 'Check in the portal that {vmName} (resource group {vmResourceGroup}) shows its real power state (stop it from the portal if it was shut down from inside) and that DHCP is enabled in the guest, then retry the backup in vault {vaultName}.',
      fr: 'Vérifiez dans le portail que {vmName} (groupe de ressources {vmResourceGroup}) affiche son véritable état (arrêtez-la depuis le portail si elle a été éteinte de l’intérieur) et que DHCP est actif dans l’invité, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'If the VM was shut down from inside (for example over RDP), the platform may still report it running: stop it from the portal (Stop) so its state is right.',
        'Keep DHCP enabled inside the guest: without the host address from DHCP (option 245) the VM cannot download or run extensions.',
        'If the VM needs a static private IP, set it on the network interface in Azure (portal or PowerShell), never inside the guest.',
        'Retry the backup.',
      ],
      fr: [
        'Si la VM a été éteinte de l’intérieur (par exemple en RDP), la plateforme peut la croire encore démarrée : arrêtez-la depuis le portail (Arrêter) pour que son état soit juste.',
        'Gardez DHCP activé dans l’invité : sans l’adresse de l’hôte fournie par DHCP (option 245), la VM ne peut ni télécharger ni exécuter d’extension.',
        'Si la VM a besoin d’une IP privée statique, définissez-la sur l’interface réseau dans Azure (portail ou PowerShell), jamais dans l’invité.',
        'Relancez la sauvegarde.',
      ],
    },
    commands: ['vm-power-state', 'backup-now'],
    probes: ['power-state'],
  },
  {
    id: 'extension-update-failed',
    anchor: 'the-backup-extension-fails-to-update-or-load',
    title: {
      en: 'The backup extension fails to update or load',
      fr: 'L’extension de sauvegarde ne se met pas à jour ou ne se charge pas',
    },
    action: {
      en: 'Uninstall the backup extension of {vmName} (resource group {vmResourceGroup}) — VMSnapshot on Windows, VMSnapshotLinux on Linux — so the next backup reinstalls it, then retry the backup in vault {vaultName}.',
      fr: 'Désinstallez l’extension de sauvegarde de {vmName} (groupe de ressources {vmResourceGroup}) — VMSnapshot sous Windows, VMSnapshotLinux sous Linux — pour que la prochaine sauvegarde la réinstalle, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    variants: [
      {
        when: { os: 'windows' },
        action: {
          en: 'Uninstall the VMSnapshot extension of {vmName} (resource group {vmResourceGroup}) so the next backup reinstalls it, then retry the backup in vault {vaultName}.',
          fr: 'Désinstallez l’extension VMSnapshot de {vmName} (groupe de ressources {vmResourceGroup}) pour que la prochaine sauvegarde la réinstalle, puis relancez la sauvegarde dans le coffre {vaultName}.',
        },
      },
      {
        when: { os: 'linux' },
        action: {
          en: 'Uninstall the VMSnapshotLinux extension of {vmName} (resource group {vmResourceGroup}) so the next backup reinstalls it (update the Linux agent first if the extension is not listed), then retry the backup in vault {vaultName}.',
          fr: 'Désinstallez l’extension VMSnapshotLinux de {vmName} (groupe de ressources {vmResourceGroup}) pour que la prochaine sauvegarde la réinstalle (mettez d’abord à jour l’agent Linux si l’extension n’apparaît pas), puis relancez la sauvegarde dans le coffre {vaultName}.',
        },
      },
    ],
    steps: {
      en: [
        'In the portal, open the VM, then Settings > Extensions.',
        'Select the backup extension (VMSnapshot on Windows, VMSnapshotLinux on Linux) and uninstall it.',
        'On Linux, if the extension is not listed, update the Linux agent first.',
        'Run a backup: it installs the extension again.',
      ],
      fr: [
        'Dans le portail, ouvrez la VM puis Paramètres > Extensions.',
        'Sélectionnez l’extension de sauvegarde (VMSnapshot sous Windows, VMSnapshotLinux sous Linux) et désinstallez-la.',
        'Sous Linux, si l’extension n’apparaît pas, mettez d’abord à jour l’agent Linux.',
        'Lancez une sauvegarde : elle réinstalle l’extension.',
      ],
    },
    commands: ['vm-extensions-status', 'remove-snapshot-extension', 'backup-now'],
    fix: 'remove-snapshot-extension',
    probes: ['snapshot-extension'],
  },
  {
    id: 'no-internet-access',
    anchor: 'the-vm-has-no-internet-access',
    title: {
      en: 'The VM has no outbound access to Azure',
      fr: 'La VM n’a pas d’accès sortant vers Azure',
    },
    action: {
      en: 'Restore outbound access from {vmName} (resource group {vmResourceGroup}) to Azure Storage and to 168.63.129.16 (check NSG rules, route tables, proxy and guest firewall), then retry the backup in vault {vaultName}.',
      fr: 'Rétablissez l’accès sortant de {vmName} (groupe de ressources {vmResourceGroup}) vers Stockage Azure et vers 168.63.129.16 (règles NSG, tables de routage, proxy et pare-feu de l’invité), puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The extension drives snapshots through an Azure Storage HTTPS endpoint: the VM must reach Azure public addresses.',
        'Check the NSG rules, user-defined routes, proxy settings and guest firewall that apply to the VM.',
        'Allow the platform address 168.63.129.16 (ports 80, 443 and 32526); extensions fail when it is blocked.',
        'Follow "Establish network connectivity" in the Azure VM backup preparation guide, then retry.',
      ],
      fr: [
        'L’extension pilote les instantanés via un point de terminaison HTTPS de Stockage Azure : la VM doit joindre les adresses publiques d’Azure.',
        'Contrôlez les règles NSG, routes définies par l’utilisateur, paramètres de proxy et pare-feu de l’invité appliqués à la VM.',
        'Autorisez l’adresse de plateforme 168.63.129.16 (ports 80, 443 et 32526) ; les extensions échouent si elle est bloquée.',
        'Suivez « Établir la connectivité réseau » du guide de préparation de la sauvegarde des VM Azure, puis réessayez.',
      ],
    },
    commands: ['test-wireserver-windows', 'test-wireserver-linux', 'backup-now'],
    probes: ['snapshot-extension'],
  },
  {
    id: 'rp-group-lock',
    anchor: 'remove_lock_from_the_recovery_point_resource_group',
    title: {
      en: 'A lock on the restore-point resource group blocks the cleanup of old restore points',
      fr: 'Un verrou sur le groupe de ressources des points de restauration empêche de nettoyer les anciens points',
    },
    action: {
      en: 'Remove the lock from the restore-point resource group ({rpResourceGroup}) of {vmName} (resource group {vmResourceGroup}), then run an on-demand backup in vault {vaultName} to trigger the cleanup.',
      fr: 'Supprimez le verrou du groupe de ressources des points de restauration ({rpResourceGroup}) de {vmName} (groupe de ressources {vmResourceGroup}), puis lancez une sauvegarde à la demande dans le coffre {vaultName} pour déclencher le nettoyage.',
    },
    steps: {
      en: [
        'Azure Backup keeps restore point collections in its own resource group named AzureBackupRG_<geo>_<number> (for example AzureBackupRG_northeurope_1); do not lock it.',
        'In the portal open that resource group, then Settings > Locks, and delete the lock.',
        'Run an on-demand backup: it may fail once, but it triggers the automatic cleanup, which can take a few hours.',
        'If scheduled backups still fail after that, delete the restore point collection by hand (see the cleanup cause).',
      ],
      fr: [
        'Azure Backup range les collections de points de restauration dans son propre groupe de ressources nommé AzureBackupRG_<géo>_<numéro> (par exemple AzureBackupRG_northeurope_1) ; ne le verrouillez pas.',
        'Dans le portail, ouvrez ce groupe de ressources, puis Paramètres > Verrous, et supprimez le verrou.',
        'Lancez une sauvegarde à la demande : elle peut échouer une fois, mais elle déclenche le nettoyage automatique, qui peut prendre quelques heures.',
        'Si les sauvegardes planifiées échouent encore ensuite, supprimez la collection de points de restauration à la main (voir la cause sur le nettoyage).',
      ],
    },
    commands: ['list-rp-groups', 'list-rp-group-locks', 'delete-rp-group-lock', 'backup-now'],
    fix: 'delete-rp-group-lock',
    // Support matrix (backup-support-matrix-iaas.md, "Supported backup actions"): with a resource
    // group lock, Azure Backup "can't delete the older restore points. Backups will start to fail
    // when the limit of restore points is reached." The lock is a cause only at the limit.
    onlyWith: 'rp-collection-limit',
    onlyWithWhy: {
      en: 'a lock only blocks the cleanup of old restore points, which matters once they reach their limit',
      fr: 'un verrou ne bloque que le nettoyage des anciens points de restauration, ce qui ne compte qu’une fois leur limite atteinte',
    },
    probes: ['rp-locks'],
  },
  {
    id: 'multiple-backups-per-day',
    anchor: 'usererrorrpcollectionlimitreached---the-restore-point-collection-max-limit-has-reached',
    title: {
      en: 'Several backups a day exhaust the 18 instant restore points a VM can hold',
      fr: 'Plusieurs sauvegardes par jour épuisent les 18 points de restauration instantanée d’une VM',
    },
    action: {
      en: 'Keep {vmName} (resource group {vmResourceGroup}) to one backup a day: review the policy and the on-demand backups in vault {vaultName}, since only 18 instant restore points can exist per VM.',
      fr: 'Limitez {vmName} (groupe de ressources {vmResourceGroup}) à une sauvegarde par jour : revoyez la stratégie et les sauvegardes à la demande du coffre {vaultName}, car une VM ne peut avoir que 18 points de restauration instantanée.',
    },
    steps: {
      en: [
        'Instant restore points are kept 1 to 5 days (the policy’s snapshot retention) and a VM can have at most 18 at a time.',
        'Check how many backups ran for this VM in the last day (scheduled and on-demand).',
        'Keep one backup a day, or shorten the snapshot retention of the policy.',
      ],
      fr: [
        'Les points de restauration instantanée sont gardés 1 à 5 jours (rétention des instantanés de la stratégie) et une VM en compte au plus 18 à la fois.',
        'Comptez les sauvegardes de cette VM sur le dernier jour (planifiées et à la demande).',
        'Gardez une sauvegarde par jour, ou raccourcissez la rétention des instantanés dans la stratégie.',
      ],
    },
    commands: ['list-item-jobs'],
    fix: 'list-item-jobs',
    // Several backups a day only fail a backup by filling the restore points to the limit.
    onlyWith: 'rp-collection-limit',
    onlyWithWhy: {
      en: 'several backups a day only fail a backup once the restore points reach their limit',
      fr: 'plusieurs sauvegardes par jour ne font échouer une sauvegarde qu’une fois les points de restauration à leur limite',
    },
    probes: ['history'],
  },
  {
    id: 'rp-collection-limit',
    anchor: 'clean_up_restore_point_collection',
    title: {
      en: 'The VM already has 18 restore points: old ones must be cleaned up',
      fr: 'La VM a déjà 18 points de restauration : il faut nettoyer les anciens',
    },
    action: {
      en: 'Clean up the restore point collection of {vmName} (resource group {vmResourceGroup}) in {rpResourceGroup}: run an on-demand backup in vault {vaultName}, or delete the collection if the automatic cleanup does not happen.',
      fr: 'Nettoyez la collection de points de restauration de {vmName} (groupe de ressources {vmResourceGroup}) dans {rpResourceGroup} : lancez une sauvegarde à la demande dans le coffre {vaultName}, ou supprimez la collection si le nettoyage automatique n’a pas lieu.',
    },
    steps: {
      en: [
        'A VM can hold at most 18 restore points across its restore point collections; a new one needs an old one deleted.',
        'Once no lock remains, run an on-demand backup: it may fail the first time but starts the automatic cleanup within a few hours.',
        'Otherwise open AzureBackupRG_<geo>_<number>, tick "Show hidden types", select the collection AzureBackupRG_<VMName>_<number> and delete it.',
        'Deleting a collection with many restore points can time out: retry two or three times.',
      ],
      fr: [
        'Une VM compte au plus 18 points de restauration, toutes collections confondues ; en créer un nouveau impose d’en supprimer un ancien.',
        'Une fois tout verrou retiré, lancez une sauvegarde à la demande : elle peut échouer la première fois mais déclenche le nettoyage automatique en quelques heures.',
        'Sinon ouvrez AzureBackupRG_<géo>_<numéro>, cochez « Afficher les types masqués », sélectionnez la collection AzureBackupRG_<NomVM>_<numéro> et supprimez-la.',
        'La suppression d’une collection riche en points peut expirer : réessayez deux ou trois fois.',
      ],
    },
    commands: ['list-rp-groups', 'list-rp-collections', 'backup-now'],
    fix: 'list-rp-collections',
    probes: ['restore-points'],
  },
  {
    id: 'keyvault-permissions',
    anchor:
      'usererrorkeyvaultpermissionsnotconfigured---backup-doesnt-have-sufficient-permissions-to-the-key-vault-for-backup-of-encrypted-vms',
    title: {
      en: 'Azure Backup lacks permissions on the key vault of the encrypted VM',
      fr: 'Azure Backup n’a pas les autorisations nécessaires sur le coffre de clés de la VM chiffrée',
    },
    action: {
      en: 'Give the Backup Management Service read access to the keys and secrets of the key vault {keyVaultName} used by {vmName} (resource group {vmResourceGroup}) — an access policy with get, list and backup, or, if the vault uses Azure RBAC, the Key Vault Administrator role on it — then retry the backup in vault {vaultName}.',
      fr: 'Donnez au service de gestion des sauvegardes l’accès en lecture aux clés et secrets du coffre de clés {keyVaultName} utilisé par {vmName} (groupe de ressources {vmResourceGroup}) — une stratégie d’accès avec « get », « list » et « backup » ou, si le coffre utilise le RBAC Azure, le rôle Key Vault Administrator sur ce coffre — puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    variants: [
      {
        when: { keyVaultAccess: 'access-policy' },
        action: {
          en: 'Give the Backup Management Service get, list and backup rights on the keys and secrets of the key vault {keyVaultName} used by {vmName} (resource group {vmResourceGroup}), then retry the backup in vault {vaultName}.',
          fr: 'Accordez au service de gestion des sauvegardes les droits « get », « list » et « backup » sur les clés et secrets du coffre de clés {keyVaultName} utilisé par {vmName} (groupe de ressources {vmResourceGroup}), puis relancez la sauvegarde dans le coffre {vaultName}.',
        },
        fix: 'grant-backup-keyvault-access',
      },
      {
        // backup-azure-vms-encryption.md, "Back up ADE encrypted VMs with RBAC enabled key vaults".
        when: { keyVaultAccess: 'rbac' },
        action: {
          en: 'The key vault {keyVaultName} used by {vmName} (resource group {vmResourceGroup}) uses Azure RBAC: assign the Key Vault Administrator role on that key vault to the Backup Management Service, then retry the backup in vault {vaultName}.',
          fr: 'Le coffre de clés {keyVaultName} utilisé par {vmName} (groupe de ressources {vmResourceGroup}) utilise le RBAC Azure : attribuez au service de gestion des sauvegardes le rôle Key Vault Administrator sur ce coffre, puis relancez la sauvegarde dans le coffre {vaultName}.',
        },
        fix: 'grant-backup-keyvault-role',
      },
    ],
    steps: {
      en: [
        'Find the key vault that holds the VM’s disk encryption keys and secrets.',
        'If the vault uses access policies: add one for the Backup Management Service with get, list and backup on keys and secrets (portal template "Azure Backup", PowerShell or the CLI).',
        'If the vault uses Azure RBAC (access policies are refused there): assign the Key Vault Administrator role on the key vault to the Backup Management Service, or a custom role with the key and secret backup and read actions.',
        'If the permissions were already in place, wait a little and retry.',
      ],
      fr: [
        'Identifiez le coffre de clés qui contient les clés et secrets de chiffrement des disques de la VM.',
        'Si le coffre utilise des stratégies d’accès : ajoutez-en une pour le service de gestion des sauvegardes avec « get », « list » et « backup » sur les clés et secrets (modèle « Azure Backup » du portail, PowerShell ou la CLI).',
        'Si le coffre utilise le RBAC Azure (les stratégies d’accès y sont refusées) : attribuez au service de gestion des sauvegardes le rôle Key Vault Administrator sur le coffre, ou un rôle personnalisé avec les actions de sauvegarde et de lecture des clés et secrets.',
        'Si les autorisations existaient déjà, patientez un peu puis réessayez.',
      ],
    },
    commands: ['show-vm-encryption', 'grant-backup-keyvault-access', 'grant-backup-keyvault-role', 'backup-now'],
    probes: ['key-vault'],
  },
  {
    id: 'disk-too-large',
    anchor: 'usererrorunsupporteddisksize---currently-azure-backup-does-not-support-disk-sizes-greater-than-4095gb',
    title: {
      en: 'A disk is larger than Azure Backup supports (32 TB, 4 TB when encrypted with Azure Disk Encryption)',
      fr: 'Un disque dépasse la taille prise en charge par Azure Backup (32 To, 4 To s’il est chiffré par Azure Disk Encryption)',
    },
    action: {
      en: 'Find the oversized disk of {vmName} (resource group {vmResourceGroup}) and split its data across smaller disks, or exclude it from the backup policy in vault {vaultName}.',
      fr: 'Repérez le disque trop grand de {vmName} (groupe de ressources {vmResourceGroup}) et répartissez ses données sur des disques plus petits, ou excluez-le de la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'List the VM’s disks and their sizes.',
        'The current limits: 32 TB per disk (256 TB for all the disks of a VM), with a standard or an enhanced policy alike; 4 TB for a disk encrypted with Azure Disk Encryption. The French source article still says 4,095 GB, an older limit.',
        'Split the data so every disk stays within the limit that applies to it, or exclude the disk from backup, then retry.',
      ],
      fr: [
        'Listez les disques de la VM et leur taille.',
        'Limites actuelles : 32 To par disque (256 To pour l’ensemble des disques d’une VM), avec une stratégie standard comme avancée ; 4 To pour un disque chiffré par Azure Disk Encryption. L’article source français indique encore 4 095 Go, une limite ancienne.',
        'Répartissez les données pour que chaque disque reste sous la limite qui le concerne, ou excluez le disque de la sauvegarde, puis réessayez.',
      ],
    },
    commands: ['vm-disk-sizes'],
    fix: 'vm-disk-sizes',
    probes: ['disk-size'],
  },
  {
    id: 'backup-in-progress',
    anchor:
      'usererrorbackupoperationinprogress---unable-to-initiate-backup-as-another-backup-operation-is-currently-in-progress',
    title: {
      en: 'Another backup of the item was still running',
      fr: 'Une autre sauvegarde de l’élément était encore en cours',
    },
    action: {
      en: 'Let the running backup of {vmName} (resource group {vmResourceGroup}) finish in vault {vaultName}, or cancel it, then retry; if backup was moved to another vault, cancel the job there too.',
      fr: 'Laissez se terminer la sauvegarde en cours de {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName}, ou annulez-la, puis réessayez ; si la sauvegarde a été déplacée vers un autre coffre, annulez aussi le travail là-bas.',
    },
    steps: {
      en: [
        'Open the vault, then Backup Jobs, and look for a job of this VM in progress.',
        'Wait for it to finish or cancel it (portal, or Stop-AzRecoveryServicesBackupJob).',
        'If backup was reconfigured in another vault, make sure no job still runs in the old one.',
        'If scheduled backups keep overlapping, review the schedule and backup performance guidance.',
      ],
      fr: [
        'Ouvrez le coffre, puis Travaux de sauvegarde, et cherchez un travail en cours pour cette VM.',
        'Attendez qu’il se termine ou annulez-le (portail, ou Stop-AzRecoveryServicesBackupJob).',
        'Si la sauvegarde a été reconfigurée dans un autre coffre, vérifiez qu’aucun travail n’y tourne encore.',
        'Si les sauvegardes planifiées se chevauchent, revoyez la planification et les recommandations de performance.',
      ],
    },
    commands: ['list-jobs-in-progress', 'backup-now'],
    fix: 'list-jobs-in-progress',
    probes: ['job-in-progress'],
  },
  {
    id: 'agent-config-linux',
    anchor: 'vm-agent-configuration-options-are-not-set-for-linux-vms',
    title: {
      en: 'The Linux agent options Backup needs are not set',
      fr: 'Les options de l’agent Linux nécessaires à la sauvegarde ne sont pas définies',
    },
    action: {
      en: 'Set Extensions.Enable=y and Provisioning.Agent=auto in /etc/waagent.conf on {vmName} (resource group {vmResourceGroup}), restart the agent, then retry the backup in vault {vaultName}.',
      fr: 'Définissez Extensions.Enable=y et Provisioning.Agent=auto dans /etc/waagent.conf sur {vmName} (groupe de ressources {vmResourceGroup}), redémarrez l’agent, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Open /etc/waagent.conf in the VM.',
        'Set Extensions.Enable=y and Provisioning.Agent=auto.',
        'Restart the agent and retry the backup.',
      ],
      fr: [
        'Ouvrez /etc/waagent.conf dans la VM.',
        'Définissez Extensions.Enable=y et Provisioning.Agent=auto.',
        'Redémarrez l’agent et relancez la sauvegarde.',
      ],
    },
    commands: ['linux-agent-config', 'backup-now'],
    os: 'linux',
    osNeutralAction: {
      en: 'If {vmName} (resource group {vmResourceGroup}) runs Linux, set Extensions.Enable=y and Provisioning.Agent=auto in /etc/waagent.conf and restart the agent; then retry the backup in vault {vaultName}.',
      fr: 'Si {vmName} (groupe de ressources {vmResourceGroup}) tourne sous Linux, définissez Extensions.Enable=y et Provisioning.Agent=auto dans /etc/waagent.conf et redémarrez l’agent ; relancez ensuite la sauvegarde dans le coffre {vaultName}.',
    },
    probes: [],
  },
  {
    id: 'app-control-blocking',
    anchor: 'application-control-solution-is-blocking-iaasbcdrextensionexe',
    title: {
      en: 'An application control solution blocks IaaSBcdrExtension.exe',
      fr: 'Une solution de contrôle des applications bloque IaaSBcdrExtension.exe',
    },
    action: {
      en: 'Exclude IaaSBcdrExtension.exe (or /var/lib on Linux) from AppLocker or the application control rules on {vmName} (resource group {vmResourceGroup}), then retry the backup in vault {vaultName}.',
      fr: 'Excluez IaaSBcdrExtension.exe (ou /var/lib sous Linux) des règles AppLocker ou de contrôle des applications de {vmName} (groupe de ressources {vmResourceGroup}), puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Publisher- or path-based AppLocker rules (or another application control tool) can stop the backup extension’s executable.',
        'Add an exclusion for IaaSBcdrExtension.exe, or for the /var/lib path on Linux.',
        'Retry the backup.',
      ],
      fr: [
        'Des règles AppLocker par éditeur ou par chemin (ou un autre outil de contrôle des applications) peuvent bloquer l’exécutable de l’extension de sauvegarde.',
        'Ajoutez une exclusion pour IaaSBcdrExtension.exe, ou pour le chemin /var/lib sous Linux.',
        'Relancez la sauvegarde.',
      ],
    },
    commands: ['backup-now'],
    probes: [],
  },
  {
    id: 'extension-bits-mismatch',
    anchor: 'backupoperationfailed--backupoperationfailedv2---backup-fails-with-an-internal-error',
    title: {
      en: 'The extension’s binaries do not match the Windows version, or iaasvmprovider.dll is corrupt',
      fr: 'Les binaires de l’extension ne correspondent pas à la version de Windows, ou iaasvmprovider.dll est endommagé',
    },
    action: {
      en: 'Reinstall the Visual C++ 2013 Redistributable x64 shipped with the VMSnapshot extension on {vmName} (resource group {vmResourceGroup}), then retry the backup in vault {vaultName}.',
      fr: 'Réinstallez le Visual C++ 2013 Redistributable x64 fourni avec l’extension VMSnapshot sur {vmName} (groupe de ressources {vmResourceGroup}), puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Check that C:\\Packages\\Plugins\\Microsoft.Azure.RecoveryServices.VMSnapshot\\<version>\\iaasvmprovider.dll matches the 32- or 64-bit regsvr32.exe.',
        'In Programs and Features, uninstall Visual C++ Redistributable x64 for Visual Studio 2013.',
        'Reinstall it from vcredist2013_x64 in the latest folder under C:\\Packages\\Plugins\\Microsoft.Azure.RecoveryServices.VMSnapshot.',
        'Retry the backup.',
      ],
      fr: [
        'Vérifiez que C:\\Packages\\Plugins\\Microsoft.Azure.RecoveryServices.VMSnapshot\\<version>\\iaasvmprovider.dll correspond au regsvr32.exe 32 ou 64 bits.',
        'Dans Programmes et fonctionnalités, désinstallez Visual C++ Redistributable x64 pour Visual Studio 2013.',
        'Réinstallez-le avec vcredist2013_x64 du dossier le plus récent sous C:\\Packages\\Plugins\\Microsoft.Azure.RecoveryServices.VMSnapshot.',
        'Relancez la sauvegarde.',
      ],
    },
    commands: ['vm-extensions-status', 'backup-now'],
    os: 'windows',
    osNeutralAction: {
      en: 'If {vmName} (resource group {vmResourceGroup}) runs Windows, reinstall the Visual C++ 2013 Redistributable x64 shipped with the VMSnapshot extension; then retry the backup in vault {vaultName}.',
      fr: 'Si {vmName} (groupe de ressources {vmResourceGroup}) tourne sous Windows, réinstallez le Visual C++ 2013 Redistributable x64 fourni avec l’extension VMSnapshot ; relancez ensuite la sauvegarde dans le coffre {vaultName}.',
    },
    probes: [],
  },
  {
    id: 'vm-extension-failed',
    anchor: 'usererrorvmprovisioningstatefailed---the-vm-is-in-failed-provisioning-state',
    title: {
      en: 'A VM extension in a failed state puts the VM in a failed provisioning state',
      fr: 'Une extension de la VM en échec met la VM en état d’approvisionnement échoué',
    },
    action: {
      en: 'Fix or remove the extensions of {vmName} (resource group {vmResourceGroup}) that are not "Provisioning succeeded", then retry the backup in vault {vaultName}.',
      fr: 'Réparez ou supprimez les extensions de {vmName} (groupe de ressources {vmResourceGroup}) qui ne sont pas « Provisioning succeeded », puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Open the VM, then Settings > Extensions, and check every extension shows "Provisioning succeeded".',
        'Resolve or uninstall any extension in a failed state: any failed extension can block the backup.',
        'Retry the backup.',
      ],
      fr: [
        'Ouvrez la VM, puis Paramètres > Extensions, et vérifiez que chaque extension affiche « Provisioning succeeded ».',
        'Réparez ou désinstallez toute extension en échec : n’importe laquelle peut bloquer la sauvegarde.',
        'Relancez la sauvegarde.',
      ],
    },
    commands: ['vm-extensions-status', 'backup-now'],
    fix: 'vm-extensions-status',
    probes: ['snapshot-extension'],
  },
  {
    id: 'vm-provisioning-updating',
    anchor: 'usererrorvmprovisioningstatefailed---the-vm-is-in-failed-provisioning-state',
    title: {
      en: 'The VM is still updating (provisioning not succeeded)',
      fr: 'La VM est encore en cours de mise à jour (approvisionnement non terminé)',
    },
    action: {
      en: 'Wait until {vmName} (resource group {vmResourceGroup}) is back to "Provisioning succeeded" and running, then retry the backup in vault {vaultName}.',
      fr: 'Attendez que {vmName} (groupe de ressources {vmResourceGroup}) revienne à « Provisioning succeeded » et soit démarrée, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Check the VM’s provisioning state; "Updating" interferes with the backup.',
        'Let the update finish (or fix what keeps it from finishing), then retry.',
      ],
      fr: [
        'Vérifiez l’état d’approvisionnement de la VM ; « Updating » gêne la sauvegarde.',
        'Laissez la mise à jour se terminer (ou corrigez ce qui la bloque), puis réessayez.',
      ],
    },
    commands: ['vm-power-state', 'backup-now'],
    probes: ['power-state'],
  },
  {
    id: 'crp-reported-error',
    anchor: 'usererrorcrpreporteduserror---backup-failed-due-to-an-error-for-details-see-job-error-message-details',
    title: {
      en: 'The VM platform reported an error: the job’s error details name it',
      fr: 'La plateforme de la VM a signalé une erreur : le détail du travail la nomme',
    },
    action: {
      en: 'Read the error details of job {jobId} in vault {vaultName} for {vmName} (resource group {vmResourceGroup}) and follow the recommendation they give.',
      fr: 'Lisez le détail des erreurs du travail {jobId} dans le coffre {vaultName} pour {vmName} (groupe de ressources {vmResourceGroup}) et suivez la recommandation indiquée.',
    },
    steps: {
      en: [
        'In the vault, open Monitoring > Backup jobs and filter on failures.',
        'Open the failed job and read its error message details.',
        'Apply the recommendation given there, then retry.',
      ],
      fr: [
        'Dans le coffre, ouvrez Surveillance > Travaux de sauvegarde et filtrez sur les échecs.',
        'Ouvrez le travail en échec et lisez le détail de son message d’erreur.',
        'Appliquez la recommandation indiquée, puis réessayez.',
      ],
    },
    commands: ['show-job-errors'],
    probes: [],
  },
  {
    id: 'datasource-not-protected',
    anchor:
      'usererrorbcmdatasourcenotpresent---backup-failed-this-virtual-machine-is-not-actively-protected-by-azure-backup',
    title: {
      en: 'The VM is not (actively) protected by Azure Backup',
      fr: 'La VM n’est pas protégée (activement) par Azure Backup',
    },
    action: {
      en: 'Check the protection of {vmName} (resource group {vmResourceGroup}) in vault {vaultName}: resume it if it is paused (stopped with data retained), then retry.',
      fr: 'Vérifiez la protection de {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName} : reprenez-la si elle est suspendue (arrêtée avec conservation des données), puis réessayez.',
    },
    steps: {
      en: [
        'Open the backup item in the vault and read its protection state.',
        'If protection is stopped or paused, resume it with a policy.',
        'Retry the backup.',
      ],
      fr: [
        'Ouvrez l’élément de sauvegarde dans le coffre et lisez son état de protection.',
        'Si la protection est arrêtée ou suspendue, reprenez-la avec une stratégie.',
        'Relancez la sauvegarde.',
      ],
    },
    commands: ['backup-item-state', 'backup-now'],
    probes: [],
  },
];

/**
 * Not a cause of the article: what a lookup finds when the VM is gone (404). Azure Backup keeps
 * failing, and raises no built-in alert, for a protected VM that was deleted.
 */
export const VM_DELETED_CAUSE: CauseEntry = {
  id: 'vm-deleted',
  // Also the documented cause of 320001 ResourceNotFound and 400094 BCMV2VMNotFound (VM article).
  anchor:
    '320001-resourcenotfound---could-not-perform-the-operation-as-vm-no-longer-exists--400094-bcmv2vmnotfound---the-virtual-machine-doesnt-exist--an-azure-virtual-machine-wasnt-found',
  title: {
    en: 'The VM no longer exists: it was deleted or moved',
    fr: 'La VM n’existe plus : elle a été supprimée ou déplacée',
  },
  action: {
    en: 'The VM {vmName} (resource group {vmResourceGroup}) is gone: stop its protection in vault {vaultName}, keeping or deleting its recovery points, so the failures stop.',
    fr: 'La VM {vmName} (groupe de ressources {vmResourceGroup}) n’existe plus : arrêtez sa protection dans le coffre {vaultName}, en gardant ou en supprimant ses points de récupération, pour que les échecs cessent.',
  },
  steps: {
    en: [
      'Check whether the VM was deleted on purpose or moved to another resource group or subscription.',
      'If it was deleted, stop protection of the item in the vault; keep the recovery points as long as the retention requires.',
      'If the VM must come back under the same protection, re-create it with the same name and resource group; if it was moved, configure backup again at its new place.',
    ],
    fr: [
      'Vérifiez si la VM a été supprimée volontairement ou déplacée vers un autre groupe de ressources ou abonnement.',
      'Si elle a été supprimée, arrêtez la protection de l’élément dans le coffre ; gardez les points de récupération aussi longtemps que la rétention l’exige.',
      'Si la VM doit revenir sous la même protection, recréez-la avec le même nom et le même groupe de ressources ; si elle a été déplacée, reconfigurez la sauvegarde à son nouvel emplacement.',
    ],
  },
  commands: ['vm-show', 'backup-item-state', 'stop-protection-keep-data'],
  fix: 'stop-protection-keep-data',
  probes: ['vm-state'],
};

/** Guidance for a code the catalog does not know: still a finding, with the generic first steps. */
export const GENERIC_CAUSE: CauseEntry = {
  id: 'unlisted-code',
  anchor: '',
  title: {
    en: 'Error code not covered by the troubleshooting article',
    fr: 'Code d’erreur non couvert par l’article de dépannage',
  },
  action: {
    en: 'Read the error details of the failed job for {vmName} (resource group {vmResourceGroup}) in vault {vaultName} and follow their recommendation, then retry the backup.',
    fr: 'Lisez le détail des erreurs du travail en échec pour {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName} et suivez leur recommandation, puis relancez la sauvegarde.',
  },
  steps: {
    en: [
      'Open the vault, then Backup jobs, select the failed job and read its error details and recommended action.',
      'Open the code’s help link (aka.ms/AB-<code>) given with the message.',
      'Check the basics every VM backup needs: VM running, agent Ready, extensions "Provisioning succeeded", outbound access to Azure.',
      'Retry the backup once the cause is fixed.',
    ],
    fr: [
      'Ouvrez le coffre, puis Travaux de sauvegarde, sélectionnez le travail en échec et lisez le détail de l’erreur et l’action recommandée.',
      'Ouvrez le lien d’aide du code (aka.ms/AB-<code>) joint au message.',
      'Vérifiez les prérequis de toute sauvegarde de VM : VM démarrée, agent « Ready », extensions « Provisioning succeeded », accès sortant vers Azure.',
      'Relancez la sauvegarde une fois la cause corrigée.',
    ],
  },
  commands: ['show-job-errors', 'vm-agent-status', 'vm-extensions-status', 'backup-now'],
  probes: [],
};
