import type { CauseEntry } from './types.js';

/**
 * The causes of *Troubleshoot backup errors with Azure VMs* (MicrosoftDocs/azure-docs
 * `articles/backup/backup-azure-vms-troubleshoot.md`, ms.date 11/12/2025), each once. Titles and
 * steps paraphrase the article's section; services, paths, registry keys and limits are its facts.
 * `anchor` is the section of the first code that documents the cause.
 */
export const VM_BACKUP_CAUSES: readonly CauseEntry[] = [
  {
    id: 'antivirus-blocks-extension',
    anchor:
      'vmrestorepointinternalerror---antivirus-configured-in-the-vm-is-restricting-the-execution-of-backup-extension',
    title: {
      en: 'An antivirus in the VM stops the backup extension (IaaSBcdrExtension.exe)',
      fr: 'Un antivirus de la VM empêche l’extension de sauvegarde de s’exécuter (IaaSBcdrExtension.exe)',
    },
    action: {
      en: 'Exclude C:\\Packages\\Plugins\\Microsoft.Azure.RecoveryServices.VMSnapshot and C:\\WindowsAzure\\Logs\\Plugins\\Microsoft.Azure.RecoveryServices.VMSnapshot from the antivirus of {vmName} (resource group {vmResourceGroup}), then retry the backup in vault {vaultName}.',
      fr: 'Excluez C:\\Packages\\Plugins\\Microsoft.Azure.RecoveryServices.VMSnapshot et C:\\WindowsAzure\\Logs\\Plugins\\Microsoft.Azure.RecoveryServices.VMSnapshot de l’antivirus de {vmName} (groupe de ressources {vmResourceGroup}), puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'In the Application log of the VM, look at the time of the backup for "Faulting application name: IaaSBcdrExtension.exe": it shows the antivirus stopped the extension.',
        'Add both extension folders (C:\\Packages\\Plugins\\… and C:\\WindowsAzure\\Logs\\Plugins\\…\\Microsoft.Azure.RecoveryServices.VMSnapshot) to the antivirus exclusions.',
        'Retry the backup.',
      ],
      fr: [
        'Dans le journal Application de la VM, cherchez à l’heure de la sauvegarde « Faulting application name: IaaSBcdrExtension.exe » : c’est le signe que l’antivirus a arrêté l’extension.',
        'Ajoutez les deux dossiers de l’extension (C:\\Packages\\Plugins\\… et C:\\WindowsAzure\\Logs\\Plugins\\…\\Microsoft.Azure.RecoveryServices.VMSnapshot) aux exclusions de l’antivirus.',
        'Relancez la sauvegarde.',
      ],
    },
    commands: ['extension-crash-events', 'backup-now'],
    probes: [],
  },
  {
    id: 'storage-transient-or-iops',
    anchor: 'copyingvhdsfrombackupvaulttakinglongtime---copying-backed-up-data-from-vault-timed-out',
    title: {
      en: 'Transient storage errors or too few storage IOPS made the copy to the vault time out',
      fr: 'Des erreurs de stockage passagères ou trop peu d’IOPS ont fait expirer la copie vers le coffre',
    },
    action: {
      en: 'Retry the backup of {vmName} (resource group {vmResourceGroup}) in vault {vaultName}; if the copy keeps timing out, apply the VM backup best practices (schedules spread out, disks below their IOPS limits).',
      fr: 'Relancez la sauvegarde de {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName} ; si la copie expire encore, appliquez les bonnes pratiques de sauvegarde des VM (planifications étalées, disques sous leur limite d’IOPS).',
    },
    steps: {
      en: [
        'The transfer of the backed-up data to the vault must finish within a time limit; transient storage errors or a storage account short of IOPS can make it run over.',
        'Retry the backup: transient errors usually clear by themselves.',
        'If it happens again, follow the best practices of the Azure VM backup overview (spread the schedules, keep the disks below their IOPS limits).',
      ],
      fr: [
        'Le transfert des données sauvegardées vers le coffre doit se terminer dans un délai donné ; des erreurs de stockage passagères ou un compte de stockage à court d’IOPS peuvent le faire dépasser.',
        'Relancez la sauvegarde : les erreurs passagères disparaissent en général d’elles-mêmes.',
        'Si cela se reproduit, suivez les bonnes pratiques de la présentation de la sauvegarde des VM Azure (étalez les planifications, gardez les disques sous leur limite d’IOPS).',
      ],
    },
    commands: ['list-item-jobs', 'backup-now'],
    probes: [],
  },
  {
    id: 'vm-transient-state',
    anchor: 'usererrorvmnotindesirablestate---vm-is-not-in-a-state-that-allows-backups',
    title: {
      en: 'The VM is in a failed state, or between Running and Shut down',
      fr: 'La VM est en échec, ou entre deux états (démarrée et arrêtée)',
    },
    action: {
      en: 'Wait until {vmName} (resource group {vmResourceGroup}) is Running, Stopped or Stopped (deallocated) and no longer failed, then retry the backup in vault {vaultName}.',
      fr: 'Attendez que {vmName} (groupe de ressources {vmResourceGroup}) soit démarrée, arrêtée ou arrêtée (désallouée), et plus en échec, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'A backup needs the VM Running, Stopped or Stopped (deallocated): a failed VM, or one moving between Running and Shut down, cannot be backed up.',
        'Read the power and provisioning state of the VM; if it is changing state, wait for it to settle.',
        'If the VM is in a failed state, repair it first (the failed extension or operation), then retry the backup.',
      ],
      fr: [
        'Une sauvegarde exige une VM démarrée, arrêtée ou arrêtée (désallouée) : une VM en échec, ou qui passe de démarrée à arrêtée, ne peut pas être sauvegardée.',
        'Lisez l’état d’alimentation et d’approvisionnement de la VM ; si elle change d’état, attendez qu’il se stabilise.',
        'Si la VM est en échec, réparez-la d’abord (l’extension ou l’opération en échec), puis relancez la sauvegarde.',
      ],
    },
    commands: ['vm-power-state', 'backup-now'],
    probes: ['vm-state'],
  },
  {
    id: 'selinux-blocks-agent',
    anchor: 'usererrorvmnotindesirablestate---vm-is-not-in-a-state-that-allows-backups',
    title: {
      en: 'SELinux blocks the Linux agent (/var/lib/waagent)',
      fr: 'SELinux bloque l’agent Linux (/var/lib/waagent)',
    },
    action: {
      en: 'Exclude /var/lib/waagent from the SELinux policy of {vmName} (resource group {vmResourceGroup}) and make sure the backup extension is installed, then retry the backup in vault {vaultName}.',
      fr: 'Excluez /var/lib/waagent de la politique SELinux de {vmName} (groupe de ressources {vmResourceGroup}) et vérifiez que l’extension de sauvegarde est installée, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'On a Linux VM that uses the Security-Enhanced Linux module, check its mode and the denials recorded for the agent.',
        'Exclude the Azure Linux Agent path /var/lib/waagent from the security policy.',
        'Check that the backup extension (VMSnapshotLinux) is installed, then retry the backup.',
      ],
      fr: [
        'Sur une VM Linux qui utilise le module Security-Enhanced Linux, vérifiez son mode et les refus enregistrés pour l’agent.',
        'Excluez de la politique de sécurité le chemin de l’agent Linux Azure, /var/lib/waagent.',
        'Vérifiez que l’extension de sauvegarde (VMSnapshotLinux) est installée, puis relancez la sauvegarde.',
      ],
    },
    commands: ['linux-selinux-status', 'vm-extensions-status', 'backup-now'],
    probes: [],
  },
  {
    id: 'vm-agent-missing',
    anchor: 'vmnotindesirablestate---the-vm-isnt-in-a-state-that-allows-backups',
    title: {
      en: 'The VM agent is not installed on the VM',
      fr: 'L’agent de VM n’est pas installé sur la VM',
    },
    action: {
      en: 'Install the VM agent on {vmName} (resource group {vmResourceGroup}) (the MSI on Windows, the distribution package on Linux), check it reports Ready, then retry the operation in vault {vaultName}.',
      fr: 'Installez l’agent de VM sur {vmName} (groupe de ressources {vmResourceGroup}) (le MSI sous Windows, le paquet de la distribution sous Linux), vérifiez qu’il est « Ready », puis relancez l’opération dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The Recovery Services extension needs the VM agent; VMs brought from on-premises usually have none.',
        'On Windows, install the agent MSI with administrator rights; on Linux, install the agent from the distribution’s repository.',
        'Check the agent reports Ready (on Windows, C:\\WindowsAzure\\Packages\\WaAppAgent.exe must be version 2.6.1198.718 or later), then retry.',
      ],
      fr: [
        'L’extension Recovery Services a besoin de l’agent de VM ; les VM venues d’un centre de données local n’en ont en général pas.',
        'Sous Windows, installez le MSI de l’agent avec des droits d’administrateur ; sous Linux, installez l’agent depuis le dépôt de la distribution.',
        'Vérifiez que l’agent est « Ready » (sous Windows, C:\\WindowsAzure\\Packages\\WaAppAgent.exe doit être en version 2.6.1198.718 ou ultérieure), puis réessayez.',
      ],
    },
    commands: ['vm-agent-status', 'vm-power-state', 'backup-now'],
    probes: ['vm-state'],
  },
  {
    id: 'fs-unclean-mount',
    anchor:
      'usererrorfsfreezefailed---failed-to-freeze-one-or-more-mount-points-of-the-vm-to-take-a-file-system-consistent-snapshot',
    title: {
      en: 'A file system was not cleanly unmounted and cannot be frozen',
      fr: 'Un système de fichiers n’a pas été démonté proprement et ne peut pas être gelé',
    },
    action: {
      en: 'On {vmName} (resource group {vmResourceGroup}), unmount the device that fails to freeze, check it with fsck and mount it again (or list it in MountsToSkip of /etc/azure/vmbackup.conf), then retry the backup in vault {vaultName}.',
      fr: 'Sur {vmName} (groupe de ressources {vmResourceGroup}), démontez le périphérique qui ne gèle pas, vérifiez-le avec fsck et remontez-le (ou ajoutez-le à MountsToSkip dans /etc/azure/vmbackup.conf), puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Find the mount points that failed to freeze in the extension’s log.',
        'Unmount the device with umount, check it with fsck, then mount it again.',
        'If it cannot be unmounted (for example /mnt/resource), add it to MountsToSkip in /etc/azure/vmbackup.conf; if the file is missing, copy it from the extension’s main/tempPlugin folder under /var/lib/waagent.',
        'Retry the backup.',
      ],
      fr: [
        'Repérez dans le journal de l’extension les points de montage qui n’ont pas pu être gelés.',
        'Démontez le périphérique avec umount, vérifiez-le avec fsck, puis remontez-le.',
        'S’il ne peut pas être démonté (par exemple /mnt/resource), ajoutez-le à MountsToSkip dans /etc/azure/vmbackup.conf ; si le fichier manque, copiez-le depuis le dossier main/tempPlugin de l’extension sous /var/lib/waagent.',
        'Relancez la sauvegarde.',
      ],
    },
    commands: ['linux-mounts', 'linux-vmbackup-conf', 'backup-now'],
    probes: [],
  },
  {
    id: 'duplicate-mount-points',
    anchor:
      'usererrorfsfreezefailed---failed-to-freeze-one-or-more-mount-points-of-the-vm-to-take-a-file-system-consistent-snapshot',
    title: {
      en: 'The same mount point is mounted more than once',
      fr: 'Un même point de montage est monté plusieurs fois',
    },
    action: {
      en: 'On {vmName} (resource group {vmResourceGroup}), remove the stale duplicate entries of the mount points that failed to freeze (or rename the mount path), then retry the backup in vault {vaultName}.',
      fr: 'Sur {vmName} (groupe de ressources {vmResourceGroup}), supprimez les entrées en double périmées des points de montage qui n’ont pas gelé (ou renommez le chemin de montage), puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Take the mount points the extension’s log reports with "Failed to FITHAW".',
        'Run mount and check whether those mount points appear more than once.',
        'Remove the old entries or rename the mount path, then retry the backup.',
      ],
      fr: [
        'Relevez les points de montage que le journal de l’extension signale par « Failed to FITHAW ».',
        'Lancez mount et vérifiez si ces points de montage apparaissent plusieurs fois.',
        'Supprimez les anciennes entrées ou renommez le chemin de montage, puis relancez la sauvegarde.',
      ],
    },
    commands: ['linux-mounts', 'backup-now'],
    probes: [],
  },
  {
    id: 'complus-msdtc',
    anchor:
      'extensionsnapshotfailedcom--extensioninstallationfailedcom--extensioninstallationfailedmdtc---extension-installationoperation-failed-due-to-a-com-error',
    title: {
      en: 'COM+ System Application or the Distributed Transaction Coordinator (MSDTC) is not working',
      fr: 'COM+ System Application ou le Distributed Transaction Coordinator (MSDTC) ne fonctionne pas',
    },
    action: {
      en: 'Start COM+ System Application on {vmName} (resource group {vmResourceGroup}) and make sure MSDTC runs as Network Service (reinstall it if it will not start), then run a backup in vault {vaultName}.',
      fr: 'Démarrez COM+ System Application sur {vmName} (groupe de ressources {vmResourceGroup}) et vérifiez que MSDTC s’exécute sous Network Service (réinstallez-le s’il ne démarre pas), puis lancez une sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'From an elevated prompt, start or restart COM+ System Application (net start COMSysApp).',
        'Check that the Distributed Transaction Coordinator service runs as the Network Service account; if not, change it and restart COM+ System Application.',
        'If the service cannot be restarted, reinstall MSDTC: stop it, run msdtc -uninstall then msdtc -install, and start it.',
        'Start COM+ System Application, then trigger a backup.',
      ],
      fr: [
        'Depuis une invite élevée, démarrez ou redémarrez COM+ System Application (net start COMSysApp).',
        'Vérifiez que le service Distributed Transaction Coordinator s’exécute sous le compte Network Service ; sinon changez-le et redémarrez COM+ System Application.',
        'Si le service ne redémarre pas, réinstallez MSDTC : arrêtez-le, lancez msdtc -uninstall puis msdtc -install, et démarrez-le.',
        'Démarrez COM+ System Application, puis déclenchez une sauvegarde.',
      ],
    },
    commands: ['restart-complus', 'reinstall-msdtc', 'backup-now'],
    probes: [],
  },
  {
    id: 'vm-resources-low',
    anchor: 'extensionfailedvsswriterinbadstate---snapshot-operation-failed-because-vss-writers-were-in-a-bad-state',
    title: {
      en: 'The VM is short of free disk space, memory or CPU',
      fr: 'La VM manque d’espace disque libre, de mémoire ou de CPU',
    },
    action: {
      en: 'Check free disk space, memory, page file and CPU of {vmName} (resource group {vmResourceGroup}); move it to a larger size or grow the disk if they run short, then retry the backup in vault {vaultName}.',
      fr: 'Vérifiez l’espace disque libre, la mémoire, le fichier d’échange et le CPU de {vmName} (groupe de ressources {vmResourceGroup}) ; passez à une taille supérieure ou agrandissez le disque s’ils manquent, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Check the free disk space, the memory (RAM and page file) and the CPU use of the VM: VSS writers fail when they run short.',
        'If memory or CPU run short, resize the VM to get more vCPUs and RAM.',
        'If free disk space is low, increase the disk size, then retry.',
      ],
      fr: [
        'Vérifiez l’espace disque libre, la mémoire (RAM et fichier d’échange) et l’utilisation CPU de la VM : les writers VSS échouent quand ils manquent.',
        'Si la mémoire ou le CPU manquent, redimensionnez la VM pour avoir plus de vCPU et de RAM.',
        'Si l’espace disque libre est faible, agrandissez le disque, puis réessayez.',
      ],
    },
    commands: ['vm-guest-resources', 'vm-resize-options', 'backup-now'],
    probes: [],
  },
  {
    id: 'vss-writer-bad-state',
    anchor: 'extensionfailedvsswriterinbadstate---snapshot-operation-failed-because-vss-writers-were-in-a-bad-state',
    title: {
      en: 'One or more VSS writers are in a bad state',
      fr: 'Un ou plusieurs writers VSS sont dans un mauvais état',
    },
    action: {
      en: 'On {vmName} (resource group {vmResourceGroup}), run vssadmin list writers and restart, in a maintenance window, the service of every writer that is not [1] Stable, then retry the backup in vault {vaultName}.',
      fr: 'Sur {vmName} (groupe de ressources {vmResourceGroup}), lancez vssadmin list writers et redémarrez, pendant une fenêtre de maintenance, le service de chaque writer qui n’est pas [1] Stable, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'From an elevated prompt, run vssadmin list writers.',
        'For each writer whose state is not [1] Stable, restart its service (net stop, then net start).',
        'Restarting services can affect production: follow your approval process and do it in a planned downtime.',
        'Retry the backup.',
      ],
      fr: [
        'Depuis une invite élevée, lancez vssadmin list writers.',
        'Pour chaque writer dont l’état n’est pas [1] Stable, redémarrez son service (net stop, puis net start).',
        'Redémarrer des services peut affecter la production : suivez votre processus d’approbation et faites-le pendant un arrêt planifié.',
        'Relancez la sauvegarde.',
      ],
    },
    commands: ['vss-list-writers', 'backup-now'],
    probes: [],
  },
  {
    id: 'snapshot-threads',
    anchor: 'extensionfailedvsswriterinbadstate---snapshot-operation-failed-because-vss-writers-were-in-a-bad-state',
    title: {
      en: 'Writers still fail after a restart: blob snapshots must be taken without threads',
      fr: 'Les writers échouent encore après redémarrage : les instantanés de blobs doivent être pris sans threads',
    },
    action: {
      en: 'If restarting the VSS writers of {vmName} (resource group {vmResourceGroup}) did not help, set SnapshotWithoutThreads=True under HKLM\\SOFTWARE\\Microsoft\\BcdrAgentPersistentKeys, then retry the backup in vault {vaultName}.',
      fr: 'Si le redémarrage des writers VSS de {vmName} (groupe de ressources {vmResourceGroup}) n’a pas suffi, définissez SnapshotWithoutThreads=True sous HKLM\\SOFTWARE\\Microsoft\\BcdrAgentPersistentKeys, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Use this only when restarting the writers did not solve the failure.',
        'From an elevated prompt, add the value SnapshotWithoutThreads = True (REG_SZ) under HKLM\\SOFTWARE\\Microsoft\\BcdrAgentPersistentKeys.',
        'Retry the backup.',
      ],
      fr: [
        'À utiliser seulement si le redémarrage des writers n’a pas résolu l’échec.',
        'Depuis une invite élevée, ajoutez la valeur SnapshotWithoutThreads = True (REG_SZ) sous HKLM\\SOFTWARE\\Microsoft\\BcdrAgentPersistentKeys.',
        'Relancez la sauvegarde.',
      ],
    },
    commands: ['vss-snapshot-without-threads', 'backup-now'],
    probes: [],
  },
  {
    id: 'vss-iops-timeout',
    anchor: 'extensionfailedvsswriterinbadstate---snapshot-operation-failed-because-vss-writers-were-in-a-bad-state',
    title: {
      en: 'VSS writers time out because the disks are short of IOPS',
      fr: 'Les writers VSS expirent faute d’IOPS sur les disques',
    },
    action: {
      en: 'Look for "The shadow copy provider timed out while holding writes" in the logs of {vmName} (resource group {vmResourceGroup}); spread the load across its disks, back up at off-peak hours or use faster disks, then retry the backup in vault {vaultName}.',
      fr: 'Cherchez « The shadow copy provider timed out while holding writes » dans les journaux de {vmName} (groupe de ressources {vmResourceGroup}) ; répartissez la charge sur ses disques, sauvegardez aux heures creuses ou passez à des disques plus rapides, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'In the System and Application logs, look for the shadow copy provider time-out message: it shows the writers timed out on busy disks.',
        'Spread the load across the VM’s disks; storage diagnostics show whether the disks are throttled.',
        'Change the policy so the backup runs when the VM is least busy.',
        'Move the disks to a type with more IOPS.',
      ],
      fr: [
        'Dans les journaux Système et Application, cherchez le message d’expiration du fournisseur de clichés instantanés : il montre que les writers ont expiré sur des disques chargés.',
        'Répartissez la charge sur les disques de la VM ; les diagnostics de stockage montrent si les disques sont limités.',
        'Modifiez la stratégie pour que la sauvegarde tourne quand la VM est la moins chargée.',
        'Passez les disques à un type offrant plus d’IOPS.',
      ],
    },
    commands: ['vss-timeout-events', 'list-item-jobs'],
    probes: [],
  },
  {
    id: 'vss-service-bad-state',
    anchor:
      'extensionfailedvssserviceinbadstate---snapshot-operation-failed-due-to-vss-volume-shadow-copy-service-in-bad-state',
    title: {
      en: 'The Volume Shadow Copy (VSS) service is in a bad state',
      fr: 'Le service Cliché instantané des volumes (VSS) est dans un mauvais état',
    },
    action: {
      en: 'Restart the Volume Shadow Copy service on {vmName} (resource group {vmResourceGroup}) (net stop VSS, net start VSS), then retry the backup in vault {vaultName}; if it still fails, restart the VM in a planned downtime.',
      fr: 'Redémarrez le service Cliché instantané des volumes sur {vmName} (groupe de ressources {vmResourceGroup}) (net stop VSS, net start VSS), puis relancez la sauvegarde dans le coffre {vaultName} ; en cas d’échec, redémarrez la VM pendant un arrêt planifié.',
    },
    steps: {
      en: [
        'Restart the Volume Shadow Copy service from services.msc, or with net stop VSS then net start VSS from an elevated prompt.',
        'Retry the backup.',
        'If it still fails, restart the VM in a planned downtime.',
      ],
      fr: [
        'Redémarrez le service Cliché instantané des volumes depuis services.msc, ou avec net stop VSS puis net start VSS depuis une invite élevée.',
        'Relancez la sauvegarde.',
        'Si l’échec persiste, redémarrez la VM pendant un arrêt planifié.',
      ],
    },
    commands: ['restart-vss-service', 'backup-now'],
    fix: 'restart-vss-service',
    probes: [],
  },
  {
    id: 'restore-vm-size-unavailable',
    anchor: 'usererrorskunotavailable---vm-creation-failed-as-vm-size-selected-is-not-available',
    title: {
      en: 'The VM size chosen for the restore is not available',
      fr: 'La taille de VM choisie pour la restauration n’est pas disponible',
    },
    action: {
      en: 'Restore only the disks of {vmName} (resource group {vmResourceGroup}) from vault {vaultName}, then create the VM from them with a size that is supported and offered in the region.',
      fr: 'Restaurez seulement les disques de {vmName} (groupe de ressources {vmResourceGroup}) depuis le coffre {vaultName}, puis créez la VM à partir d’eux avec une taille prise en charge et proposée dans la région.',
    },
    steps: {
      en: [
        'The size picked during the restore is not supported, or not offered in the target.',
        'Restore the disks instead of the VM (the Restore disks option).',
        'Create the VM from the restored disks with a supported size (PowerShell: create a VM from restored disks).',
      ],
      fr: [
        'La taille choisie pendant la restauration n’est pas prise en charge, ou n’est pas proposée dans la cible.',
        'Restaurez les disques plutôt que la VM (option Restaurer les disques).',
        'Créez la VM à partir des disques restaurés avec une taille prise en charge (PowerShell : créer une VM à partir de disques restaurés).',
      ],
    },
    commands: ['list-vm-sizes', 'list-recovery-points', 'restore-disks'],
    probes: [],
  },
  {
    id: 'marketplace-plan-removed',
    anchor:
      'usererrormarketplacevmnotsupported---vm-creation-failed-due-to-market-place-purchase-request-being-not-present',
    title: {
      en: 'The VM’s Marketplace plan is no longer offered',
      fr: 'Le plan Marketplace de la VM n’est plus proposé',
    },
    action: {
      en: 'The Marketplace image of {vmName} (resource group {vmResourceGroup}) is no longer available: attach the disks this restore from vault {vaultName} created as data disks to an existing VM.',
      fr: 'L’image Marketplace de {vmName} (groupe de ressources {vmResourceGroup}) n’est plus disponible : attachez les disques créés par cette restauration depuis le coffre {vaultName} comme disques de données à une VM existante.',
    },
    steps: {
      en: [
        'Check the plan (publisher, product, plan) of the source VM: that Marketplace offer has been withdrawn.',
        'The restore failed half way: the disks were restored but no VM can be created from them.',
        'Attach the restored disks as data disks to an existing VM.',
      ],
      fr: [
        'Vérifiez le plan (éditeur, produit, plan) de la VM source : cette offre Marketplace a été retirée.',
        'La restauration a échoué à moitié : les disques sont restaurés mais aucune VM ne peut être créée à partir d’eux.',
        'Attachez les disques restaurés comme disques de données à une VM existante.',
      ],
    },
    commands: ['vm-image-plan', 'list-recovery-points'],
    probes: [],
  },
  {
    id: 'machinekeys-permissions',
    anchor: 'extensionconfigparsingfailure---failure-in-parsing-the-config-for-the-backup-extension',
    title: {
      en: 'The permissions of the MachineKeys directory were changed',
      fr: 'Les droits du répertoire MachineKeys ont été modifiés',
    },
    action: {
      en: 'Reset the permissions of %systemdrive%\\programdata\\microsoft\\crypto\\rsa\\machinekeys on {vmName} (resource group {vmResourceGroup}) to their defaults and delete the "Windows Azure CRP Certificate Generator" certificates, then run a backup in vault {vaultName}.',
      fr: 'Rétablissez les droits par défaut de %systemdrive%\\programdata\\microsoft\\crypto\\rsa\\machinekeys sur {vmName} (groupe de ressources {vmResourceGroup}) et supprimez les certificats « Windows Azure CRP Certificate Generator », puis lancez une sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Run icacls on the MachineKeys directory: the defaults are Everyone (R,W) and BUILTIN\\Administrators (F).',
        'If they differ, reset them in the directory’s advanced security settings, keep only the default entries, and give Everyone the special access the article lists (read and write data, attributes and extended attributes, read permissions).',
        'In the local computer’s certificates, Personal > Certificates, delete those issued to the classic deployment model or to Windows Azure CRP Certificate Generator.',
        'Trigger a backup.',
      ],
      fr: [
        'Lancez icacls sur le répertoire MachineKeys : les droits par défaut sont Everyone (R,W) et BUILTIN\\Administrators (F).',
        'S’ils diffèrent, rétablissez-les dans les paramètres de sécurité avancés du répertoire, ne gardez que les entrées par défaut, et donnez à Everyone les accès spéciaux listés par l’article (lecture et écriture des données, attributs et attributs étendus, lecture des autorisations).',
        'Dans les certificats de l’ordinateur local, Personnel > Certificats, supprimez ceux délivrés au modèle de déploiement classique ou à Windows Azure CRP Certificate Generator.',
        'Déclenchez une sauvegarde.',
      ],
    },
    commands: ['machinekeys-acl', 'backup-now'],
    probes: [],
  },
  {
    id: 'extension-stuck-deleting',
    anchor: 'extensionstuckindeletionstate---extension-state-is-not-supportive-to-the-backup-operation',
    title: {
      en: 'The backup extension is stuck in an inconsistent (deleting) state',
      fr: 'L’extension de sauvegarde est bloquée dans un état incohérent (suppression)',
    },
    action: {
      en: 'Uninstall the VMSnapshot extension of {vmName} (resource group {vmResourceGroup}) while its agent is Ready, then retry the backup in vault {vaultName}: it installs a fresh extension.',
      fr: 'Désinstallez l’extension VMSnapshot de {vmName} (groupe de ressources {vmResourceGroup}) pendant que son agent est « Ready », puis relancez la sauvegarde dans le coffre {vaultName} : elle installe une extension neuve.',
    },
    steps: {
      en: [
        'Make sure the guest agent is installed and responsive.',
        'In the portal, open the VM, then Extensions, select VmSnapshot (or VmSnapshotLinux) and Uninstall.',
        'Retry the backup: it installs the extension again, in a good state.',
      ],
      fr: [
        'Vérifiez que l’agent invité est installé et répond.',
        'Dans le portail, ouvrez la VM, puis Extensions, sélectionnez VmSnapshot (ou VmSnapshotLinux) et Désinstaller.',
        'Relancez la sauvegarde : elle réinstalle l’extension, dans un bon état.',
      ],
    },
    commands: ['vm-extensions-status', 'remove-snapshot-extension', 'backup-now'],
    fix: 'remove-snapshot-extension',
    probes: ['extension-deleting'],
  },
  {
    id: 'blob-snapshot-limit',
    anchor:
      'extensionfailedsnapshotlimitreachederror---snapshot-operation-failed-as-snapshot-limit-is-exceeded-for-some-of-the-disks-attached',
    title: {
      en: 'Some disks have reached their limit of blob snapshots',
      fr: 'Certains disques ont atteint leur limite d’instantanés de blobs',
    },
    action: {
      en: 'Delete the blob snapshots no longer needed on the disks of {vmName} (resource group {vmResourceGroup}), never the disk blobs themselves, then retry the backup in vault {vaultName}.',
      fr: 'Supprimez les instantanés de blobs devenus inutiles sur les disques de {vmName} (groupe de ressources {vmResourceGroup}), jamais les blobs des disques eux-mêmes, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Delete the disk blob snapshots that are not needed; delete only snapshot blobs, never disk blobs.',
        'If soft delete is on for the disks’ storage accounts, set its retention so the snapshots kept stay under the maximum.',
        'If Azure Site Recovery protects the VM, set isanysnapshotfailed to False in /etc/azure/vmbackup.conf and schedule replication away from the backup.',
        'Retry the backup.',
      ],
      fr: [
        'Supprimez les instantanés de blobs de disque inutiles ; uniquement des blobs d’instantanés, jamais des blobs de disques.',
        'Si la suppression réversible est active sur les comptes de stockage des disques, réglez sa rétention pour que les instantanés conservés restent sous le maximum.',
        'Si Azure Site Recovery protège la VM, mettez isanysnapshotfailed à False dans /etc/azure/vmbackup.conf et planifiez la réplication à un autre moment que la sauvegarde.',
        'Relancez la sauvegarde.',
      ],
    },
    commands: ['linux-vmbackup-conf', 'backup-now'],
    probes: [],
  },
  {
    id: 'snapshot-network-delay',
    anchor: 'extensionfailedtimeoutvmnetworkunresponsive---snapshot-operation-failed-due-to-inadequate-vm-resources',
    title: {
      en: 'Network calls were too slow during the snapshot (the VM is short of resources)',
      fr: 'Les appels réseau ont été trop lents pendant l’instantané (la VM manque de ressources)',
    },
    action: {
      en: 'Make the extension on {vmName} (resource group {vmResourceGroup}) take snapshots through the host (SnapshotMethod=firstHostThenGuest), then retry the backup in vault {vaultName}; if it persists, back up at a quieter time or resize the VM.',
      fr: 'Faites prendre les instantanés de {vmName} (groupe de ressources {vmResourceGroup}) par l’hôte (SnapshotMethod=firstHostThenGuest), puis relancez la sauvegarde dans le coffre {vaultName} ; si l’échec persiste, sauvegardez à une heure plus calme ou redimensionnez la VM.',
    },
    steps: {
      en: [
        'From an elevated prompt, set SnapshotMethod = firstHostThenGuest and CalculateSnapshotTimeFromHost = True under HKLM\\SOFTWARE\\Microsoft\\BcdrAgentPersistentKeys, then retry.',
        'If it persists, move the backup to a time when the VM uses less CPU and IOPS.',
        'Then try a larger VM size.',
      ],
      fr: [
        'Depuis une invite élevée, définissez SnapshotMethod = firstHostThenGuest et CalculateSnapshotTimeFromHost = True sous HKLM\\SOFTWARE\\Microsoft\\BcdrAgentPersistentKeys, puis réessayez.',
        'Si l’échec persiste, déplacez la sauvegarde à un moment où la VM consomme moins de CPU et d’IOPS.',
        'Essayez ensuite une taille de VM supérieure.',
      ],
    },
    commands: ['snapshot-through-host', 'vm-resize-options', 'backup-now'],
    probes: [],
  },
  {
    id: 'premium-storage-quota',
    anchor:
      'usererrorbcmpremiumstoragequotaerror---could-not-copy-the-snapshot-of-the-virtual-machine-due-to-insufficient-free-space-in-the-storage-account',
    title: {
      en: 'The storage account has no room to copy the snapshot of the premium VM',
      fr: 'Le compte de stockage n’a pas la place de copier l’instantané de la VM premium',
    },
    action: {
      en: 'Free space in the storage account of the premium disks of {vmName} (resource group {vmResourceGroup}) so that no more than half of it (17.5 TB) is used, then retry the backup in vault {vaultName}.',
      fr: 'Libérez de l’espace dans le compte de stockage des disques premium de {vmName} (groupe de ressources {vmResourceGroup}) pour n’en utiliser que la moitié (17,5 To), puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'For premium VMs on backup stack V1, the snapshot is first copied into the disks’ storage account, then moved to the vault.',
        'Keep the account’s use to half of its space (17.5 TB) so the copy fits.',
        'Retry the backup.',
      ],
      fr: [
        'Pour les VM premium sur la pile de sauvegarde V1, l’instantané est d’abord copié dans le compte de stockage des disques, puis transféré vers le coffre.',
        'Gardez l’occupation du compte à la moitié de son espace (17,5 To) pour que la copie tienne.',
        'Relancez la sauvegarde.',
      ],
    },
    commands: ['show-job-errors', 'backup-now'],
    probes: [],
  },
  {
    id: 'bitlocker-locked',
    anchor:
      'extensionsnapshotbitlockererror---the-snapshot-operation-failed-with-the-volume-shadow-copy-service-vss-operation-error',
    title: {
      en: 'A drive is locked by BitLocker Drive Encryption',
      fr: 'Un lecteur est verrouillé par le chiffrement BitLocker',
    },
    action: {
      en: 'Unlock the BitLocker-locked drive of {vmName} (resource group {vmResourceGroup}), or turn BitLocker off on its drives, then retry the backup in vault {vaultName}.',
      fr: 'Déverrouillez le lecteur de {vmName} (groupe de ressources {vmResourceGroup}) verrouillé par BitLocker, ou désactivez BitLocker sur ses lecteurs, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Check the BitLocker state of every drive (manage-bde -status).',
        'A locked drive makes the VSS operation fail: unlock it from the Control Panel, or turn BitLocker off on the VM’s drives as the article advises.',
        'Retry the backup.',
      ],
      fr: [
        'Vérifiez l’état BitLocker de chaque lecteur (manage-bde -status).',
        'Un lecteur verrouillé fait échouer l’opération VSS : déverrouillez-le depuis le Panneau de configuration, ou désactivez BitLocker sur les lecteurs de la VM comme le conseille l’article.',
        'Relancez la sauvegarde.',
      ],
    },
    commands: ['bitlocker-status', 'backup-now'],
    probes: [],
  },
  {
    id: 'tls-strong-crypto',
    anchor:
      'extensionsnapshotfailednosecurenetwork---the-snapshot-operation-failed-because-of-failure-to-create-a-secure-network-communication-channel',
    title: {
      en: 'The .NET Framework does not use strong cryptography, so no secure channel can be opened',
      fr: 'Le .NET Framework n’utilise pas la cryptographie forte : aucun canal sécurisé ne peut s’ouvrir',
    },
    action: {
      en: 'Add SchUseStrongCrypto = 1 (DWORD) for every .NET Framework version under HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft on {vmName} (resource group {vmResourceGroup}), then retry the backup in vault {vaultName}.',
      fr: 'Ajoutez SchUseStrongCrypto = 1 (DWORD) pour chaque version du .NET Framework sous HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft sur {vmName} (groupe de ressources {vmResourceGroup}), puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Open the registry editor as administrator.',
        'Find every .NET Framework version under HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft.',
        'Under each one, add the DWORD SchUseStrongCrypto = 1, then retry the backup.',
      ],
      fr: [
        'Ouvrez l’éditeur du Registre en tant qu’administrateur.',
        'Repérez chaque version du .NET Framework sous HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft.',
        'Sous chacune, ajoutez le DWORD SchUseStrongCrypto = 1, puis relancez la sauvegarde.',
      ],
    },
    commands: ['strong-crypto-status', 'backup-now'],
    probes: [],
  },
  {
    id: 'vcredist-install-failed',
    anchor:
      'extensionvcredistinstallationfailure---the-snapshot-operation-failed-because-of-failure-to-install-visual-c-redistributable-for-visual-studio-2015',
    title: {
      en: 'The Visual C++ Redistributable the extension needs cannot be installed',
      fr: 'Le Visual C++ Redistributable nécessaire à l’extension ne s’installe pas',
    },
    action: {
      en: 'On {vmName} (resource group {vmResourceGroup}), set the Start value of the Windows Installer service (Msiserver) to 3 and install vcredist2013_x64 from C:\\Packages\\Plugins\\Microsoft.Azure.RecoveryServices.VMSnapshot, then retry the backup in vault {vaultName}.',
      fr: 'Sur {vmName} (groupe de ressources {vmResourceGroup}), mettez à 3 la valeur Start du service Windows Installer (Msiserver) et installez vcredist2013_x64 depuis C:\\Packages\\Plugins\\Microsoft.Azure.RecoveryServices.VMSnapshot, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Run vcredist2013_x64 from the extension’s folder C:\\Packages\\Plugins\\Microsoft.Azure.RecoveryServices.VMSnapshot\\<version>.',
        'Set Start of HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Msiserver to 3 (not 4); if the installation still fails, run MSIEXEC /UNREGISTER then MSIEXEC /REGISTER from an elevated prompt.',
        'If the event log shows access errors (for example "Could not create key: Software\\Classes"), give the account rights on HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes and restart the Windows Azure Guest Agent.',
        'Make sure the antivirus has exclusions that allow the installation.',
      ],
      fr: [
        'Lancez vcredist2013_x64 depuis le dossier de l’extension C:\\Packages\\Plugins\\Microsoft.Azure.RecoveryServices.VMSnapshot\\<version>.',
        'Mettez Start de HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Msiserver à 3 (pas 4) ; si l’installation échoue encore, lancez MSIEXEC /UNREGISTER puis MSIEXEC /REGISTER depuis une invite élevée.',
        'Si le journal des événements montre des erreurs d’accès (par exemple « Could not create key: Software\\Classes »), donnez au compte des droits sur HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes et redémarrez Windows Azure Guest Agent.',
        'Vérifiez que l’antivirus a les exclusions qui permettent l’installation.',
      ],
    },
    commands: ['msiserver-start-value', 'backup-now'],
    probes: [],
  },
  {
    id: 'deny-policy-on-rp-group',
    anchor:
      'usererrorrequestdisallowedbypolicy---an-invalid-policy-is-configured-on-the-vm-which-is-preventing-snapshot-operation',
    title: {
      en: 'An Azure Policy with a Deny effect blocks the restore-point resource group',
      fr: 'Une stratégie Azure à effet Deny bloque le groupe de ressources des points de restauration',
    },
    action: {
      en: 'Change the Deny policy that applies to the restore-point resource group ({rpResourceGroup}) of {vmName} (resource group {vmResourceGroup}) to a Modify effect, or create that group yourself with the tags the policy requires, then retry the backup in vault {vaultName}.',
      fr: 'Passez à l’effet Modify la stratégie Deny qui s’applique au groupe de ressources des points de restauration ({rpResourceGroup}) de {vmName} (groupe de ressources {vmResourceGroup}), ou créez ce groupe vous-même avec les étiquettes exigées, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Find the policy assignments with a Deny effect that apply to the subscription or to AzureBackupRG_<geo>_<number> (typically policies that require tags).',
        'Change the policy from a Deny effect to a Modify effect, so the resources Azure Backup creates get the required tags.',
        'Or create the resource group yourself, named as Azure Backup expects and with the required tags.',
        'Retry the backup.',
      ],
      fr: [
        'Repérez les affectations de stratégie à effet Deny qui s’appliquent à l’abonnement ou à AzureBackupRG_<géo>_<numéro> (en général des stratégies qui exigent des étiquettes).',
        'Passez la stratégie de l’effet Deny à l’effet Modify, pour que les ressources créées par Azure Backup reçoivent les étiquettes exigées.',
        'Ou créez vous-même le groupe de ressources, nommé comme l’attend Azure Backup et avec les étiquettes exigées.',
        'Relancez la sauvegarde.',
      ],
    },
    commands: ['list-policy-assignments', 'list-policy-denials', 'create-rp-group', 'backup-now'],
    probes: ['deny-policy'],
  },
  {
    id: 'mount-inaccessible',
    anchor: 'usererrorunabletoopenmount',
    title: {
      en: 'The backup extension cannot open some mount points of the VM',
      fr: 'L’extension de sauvegarde ne peut pas ouvrir certains points de montage de la VM',
    },
    action: {
      en: 'Make every mount point of {vmName} (resource group {vmResourceGroup}) reachable, or unmount the stale ones, then retry the backup in vault {vaultName}.',
      fr: 'Rendez accessibles tous les points de montage de {vmName} (groupe de ressources {vmResourceGroup}), ou démontez ceux qui sont périmés, puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The extension must open every mount point to find the disks beneath, take the snapshot and compute the size.',
        'List the mounts and look for those that no longer answer (a network share gone, a file-recovery connection left open).',
        'Remount or unmount them, then retry the backup.',
      ],
      fr: [
        'L’extension doit ouvrir chaque point de montage pour trouver les disques sous-jacents, prendre l’instantané et calculer la taille.',
        'Listez les montages et cherchez ceux qui ne répondent plus (un partage réseau disparu, une connexion de récupération de fichiers restée ouverte).',
        'Remontez-les ou démontez-les, puis relancez la sauvegarde.',
      ],
    },
    commands: ['linux-mounts', 'backup-now'],
    probes: [],
  },
  {
    id: 'instant-rp-deleted',
    anchor: 'usererrorinstantrpnotfound---restore-failed-because-the-snapshot-of-the-vm-was-not-found',
    title: {
      en: 'The snapshot of the chosen recovery point was deleted before it reached the vault',
      fr: 'L’instantané du point de récupération choisi a été supprimé avant d’atteindre le coffre',
    },
    action: {
      en: 'Restore {vmName} (resource group {vmResourceGroup}) from another recovery point of vault {vaultName}: the one chosen existed only as a snapshot, and that snapshot is gone.',
      fr: 'Restaurez {vmName} (groupe de ressources {vmResourceGroup}) depuis un autre point de récupération du coffre {vaultName} : celui choisi n’existait que sous forme d’instantané, et cet instantané a disparu.',
    },
    steps: {
      en: [
        'The recovery point was never transferred to the vault, and its snapshot was deleted.',
        'List the recovery points of the item and pick another one, preferably one in the vault tier.',
        'Start the restore again.',
      ],
      fr: [
        'Le point de récupération n’a jamais été transféré vers le coffre, et son instantané a été supprimé.',
        'Listez les points de récupération de l’élément et choisissez-en un autre, de préférence au niveau coffre.',
        'Relancez la restauration.',
      ],
    },
    commands: ['list-recovery-points'],
    probes: [],
  },
  {
    id: 'tvm-to-gen2-migration',
    anchor: 'usererrormigrationfromtrustedlaunchvm-tonontrustedvmnotallowed',
    title: {
      en: 'The VM was migrated from Trusted Launch to Generation 2, which is not supported',
      fr: 'La VM a été migrée de Trusted Launch vers la génération 2, ce qui n’est pas pris en charge',
    },
    action: {
      en: '{vmName} (resource group {vmResourceGroup}) moved from Trusted Launch to a Generation 2 VM, which is not supported: backup cannot be configured in vault {vaultName} for it; keep the VM as Trusted Launch.',
      fr: '{vmName} (groupe de ressources {vmResourceGroup}) est passée de Trusted Launch à une VM de génération 2, ce qui n’est pas pris en charge : la sauvegarde ne peut pas être configurée pour elle dans le coffre {vaultName} ; gardez la VM en Trusted Launch.',
    },
    steps: {
      en: [
        'Read the security type of the VM.',
        'A Trusted Launch VM cannot become a Generation 2 VM: its VM guest state (VMGS) blob does not exist for Generation 2, so the VM would not start.',
        'Keep the VM as Trusted Launch, then configure backup.',
      ],
      fr: [
        'Lisez le type de sécurité de la VM.',
        'Une VM Trusted Launch ne peut pas devenir une VM de génération 2 : son blob d’état invité (VMGS) n’existe pas en génération 2, et la VM ne démarrerait pas.',
        'Gardez la VM en Trusted Launch, puis configurez la sauvegarde.',
      ],
    },
    commands: ['vm-security-type', 'backup-item-state'],
    probes: [],
  },
  {
    id: 'tvm-name-reused',
    anchor: 'usererrormigrationfromtrustedlaunchvm-tonontrustedvmnotallowed',
    title: {
      en: 'A deleted Trusted Launch VM of the same name still has backup data in the vault',
      fr: 'Une VM Trusted Launch supprimée du même nom a encore des données de sauvegarde dans le coffre',
    },
    action: {
      en: 'Delete the old backup data of the Trusted Launch VM that was named {vmName} (resource group {vmResourceGroup}) from vault {vaultName} (turn soft delete off, stop protection with data deletion, turn soft delete on again), then configure protection again; or use another name or resource group.',
      fr: 'Supprimez du coffre {vaultName} les anciennes données de sauvegarde de la VM Trusted Launch qui s’appelait {vmName} (groupe de ressources {vmResourceGroup}) (désactivez la suppression réversible, arrêtez la protection en supprimant les données, réactivez la suppression réversible), puis configurez de nouveau la protection ; ou utilisez un autre nom ou un autre groupe de ressources.',
    },
    steps: {
      en: [
        'Turn soft delete off on the vault.',
        'Stop protection of the old item and delete its backup data.',
        'Turn soft delete on again.',
        'Once the old data is gone, configure protection with the right policy; or create the VM with another name, or with the same name in another resource group.',
      ],
      fr: [
        'Désactivez la suppression réversible du coffre.',
        'Arrêtez la protection de l’ancien élément en supprimant ses données de sauvegarde.',
        'Réactivez la suppression réversible.',
        'Une fois les anciennes données supprimées, configurez la protection avec la bonne stratégie ; ou créez la VM sous un autre nom, ou du même nom dans un autre groupe de ressources.',
      ],
    },
    commands: ['backup-item-state', 'vault-soft-delete-state', 'stop-protection-delete-data'],
    probes: [],
  },
  {
    id: 'csr-original-location',
    anchor: 'usererrorcrosssubscriptionrestorenotsupportedforolr',
    title: {
      en: 'A cross-subscription restore cannot replace the original VM',
      fr: 'Une restauration vers un autre abonnement ne peut pas remplacer la VM d’origine',
    },
    action: {
      en: 'Restore {vmName} (resource group {vmResourceGroup}) from vault {vaultName} with Create new or Restore disks: a restore to another subscription cannot go to the original location.',
      fr: 'Restaurez {vmName} (groupe de ressources {vmResourceGroup}) depuis le coffre {vaultName} avec Créer ou Restaurer les disques : une restauration vers un autre abonnement ne peut pas viser l’emplacement d’origine.',
    },
    steps: {
      en: [
        'Original location recovery is not possible across subscriptions.',
        'Choose Create new, or Restore disks, for the restore.',
      ],
      fr: [
        'La récupération à l’emplacement d’origine n’est pas possible d’un abonnement à l’autre.',
        'Choisissez Créer, ou Restaurer les disques, pour la restauration.',
      ],
    },
    commands: ['list-recovery-points', 'restore-disks'],
    probes: [],
  },
  {
    id: 'csr-unmanaged-disks',
    anchor: 'usererrorcrosssubscriptionrestorenotsupportedforunmanagedazurevm',
    title: {
      en: 'A cross-subscription restore does not support VMs with unmanaged disks',
      fr: 'Une restauration vers un autre abonnement ne prend pas en charge les VM à disques non managés',
    },
    action: {
      en: '{vmName} (resource group {vmResourceGroup}) has unmanaged disks: restore it from vault {vaultName} within its own subscription.',
      fr: '{vmName} (groupe de ressources {vmResourceGroup}) a des disques non managés : restaurez-la depuis le coffre {vaultName} dans son propre abonnement.',
    },
    steps: {
      en: [
        'VMs with unmanaged disks cannot be restored to another subscription.',
        'Run a standard restore in the same subscription instead.',
      ],
      fr: [
        'Les VM à disques non managés ne peuvent pas être restaurées dans un autre abonnement.',
        'Faites plutôt une restauration standard dans le même abonnement.',
      ],
    },
    commands: ['list-recovery-points'],
    probes: [],
  },
  {
    id: 'csr-with-crr',
    anchor: 'usererrorcrosssubscriptionrestorenotsupportedforcrr',
    title: {
      en: 'A cross-subscription restore cannot be combined with a cross-region restore',
      fr: 'Une restauration vers un autre abonnement ne se combine pas avec une restauration interrégion',
    },
    action: {
      en: 'Restore {vmName} (resource group {vmResourceGroup}) from vault {vaultName} either to another subscription or to the secondary region, not both at once.',
      fr: 'Restaurez {vmName} (groupe de ressources {vmResourceGroup}) depuis le coffre {vaultName} soit vers un autre abonnement, soit vers la région secondaire, pas les deux à la fois.',
    },
    steps: {
      en: ['Cross-subscription restore and cross-region restore exclude each other.', 'Use one or the other.'],
      fr: [
        'La restauration vers un autre abonnement et la restauration interrégion s’excluent.',
        'Utilisez l’une ou l’autre.',
      ],
    },
    commands: ['list-recovery-points'],
    probes: [],
  },
  {
    id: 'csr-from-snapshot',
    anchor: 'usererrorcrosssubscriptionrestorenotsupportedfromsnapshot',
    title: {
      en: 'A cross-subscription restore needs a recovery point in the vault tier, not a snapshot',
      fr: 'Une restauration vers un autre abonnement exige un point de récupération au niveau coffre, pas un instantané',
    },
    action: {
      en: 'Pick a recovery point of {vmName} (resource group {vmResourceGroup}) that exists in the vault tier (Tier 2) of vault {vaultName} for the restore to another subscription.',
      fr: 'Choisissez un point de récupération de {vmName} (groupe de ressources {vmResourceGroup}) présent au niveau coffre (niveau 2) du coffre {vaultName} pour la restauration vers un autre abonnement.',
    },
    steps: {
      en: [
        'A snapshot-only recovery point cannot be restored to another subscription.',
        'List the recovery points and choose one whose vault tier (Tier 2) is available.',
      ],
      fr: [
        'Un point de récupération qui n’existe qu’en instantané ne peut pas être restauré dans un autre abonnement.',
        'Listez les points de récupération et choisissez-en un dont le niveau coffre (niveau 2) est disponible.',
      ],
    },
    commands: ['list-recovery-points'],
    probes: [],
  },
  {
    id: 'csr-tenant-mismatch',
    anchor: 'usererrorcrosssubscriptionrestoreinvalidtenant',
    title: {
      en: 'The source and target subscriptions belong to different tenants',
      fr: 'Les abonnements source et cible appartiennent à des locataires différents',
    },
    action: {
      en: 'Restore {vmName} (resource group {vmResourceGroup}) from vault {vaultName} into a subscription of the same tenant as subscription {subscriptionId}.',
      fr: 'Restaurez {vmName} (groupe de ressources {vmResourceGroup}) depuis le coffre {vaultName} dans un abonnement du même locataire que l’abonnement {subscriptionId}.',
    },
    steps: {
      en: [
        'Compare the tenant ids of the source and target subscriptions.',
        'Choose a target subscription in the same tenant as the source.',
      ],
      fr: [
        'Comparez les identifiants de locataire des abonnements source et cible.',
        'Choisissez un abonnement cible du même locataire que la source.',
      ],
    },
    commands: ['compare-tenants'],
    probes: [],
  },
  {
    id: 'csr-provider-not-registered',
    anchor: 'usererrorcrosssubscriptionrestoreinvalidtargetsubscription',
    title: {
      en: 'The target subscription is not registered to the Microsoft.RecoveryServices provider',
      fr: 'L’abonnement cible n’est pas inscrit au fournisseur Microsoft.RecoveryServices',
    },
    action: {
      en: 'Register the Microsoft.RecoveryServices provider in the target subscription (creating a vault there also does it), then restore {vmName} (resource group {vmResourceGroup}) from vault {vaultName} again.',
      fr: 'Inscrivez le fournisseur Microsoft.RecoveryServices dans l’abonnement cible (y créer un coffre le fait aussi), puis relancez la restauration de {vmName} (groupe de ressources {vmResourceGroup}) depuis le coffre {vaultName}.',
    },
    steps: {
      en: [
        'A cross-subscription restore needs the target subscription registered to the Recovery Services resource provider.',
        'Register the provider (or create a Recovery Services vault in that subscription), then retry the restore.',
      ],
      fr: [
        'Une restauration vers un autre abonnement exige que l’abonnement cible soit inscrit au fournisseur de ressources Recovery Services.',
        'Inscrivez le fournisseur (ou créez un coffre Recovery Services dans cet abonnement), puis relancez la restauration.',
      ],
    },
    commands: ['register-rs-provider'],
    probes: [],
  },
  {
    id: 'csr-encrypted-vm',
    anchor: 'usererrorcrosssubscriptionrestorenotsupportedforencryptedazurevm',
    title: {
      en: 'A cross-subscription restore does not support encrypted VMs',
      fr: 'Une restauration vers un autre abonnement ne prend pas en charge les VM chiffrées',
    },
    action: {
      en: '{vmName} (resource group {vmResourceGroup}) is encrypted: restore it from vault {vaultName} within its own subscription.',
      fr: '{vmName} (groupe de ressources {vmResourceGroup}) est chiffrée : restaurez-la depuis le coffre {vaultName} dans son propre abonnement.',
    },
    steps: {
      en: ['Encrypted VMs cannot be restored to another subscription.', 'Restore into the same subscription.'],
      fr: [
        'Les VM chiffrées ne peuvent pas être restaurées dans un autre abonnement.',
        'Restaurez dans le même abonnement.',
      ],
    },
    commands: ['show-vm-encryption', 'list-recovery-points'],
    probes: [],
  },
  {
    id: 'csr-trusted-launch',
    anchor: 'usererrorcrosssubscriptionrestorenotsupportedfortrustedlaunchazurevm',
    title: {
      en: 'A cross-subscription restore does not support Trusted Launch VMs',
      fr: 'Une restauration vers un autre abonnement ne prend pas en charge les VM Trusted Launch',
    },
    action: {
      en: '{vmName} (resource group {vmResourceGroup}) is a Trusted Launch VM: restore it from vault {vaultName} within its own subscription.',
      fr: '{vmName} (groupe de ressources {vmResourceGroup}) est une VM Trusted Launch : restaurez-la depuis le coffre {vaultName} dans son propre abonnement.',
    },
    steps: {
      en: ['Trusted Launch VMs cannot be restored to another subscription.', 'Restore into the same subscription.'],
      fr: [
        'Les VM Trusted Launch ne peuvent pas être restaurées dans un autre abonnement.',
        'Restaurez dans le même abonnement.',
      ],
    },
    commands: ['vm-security-type', 'list-recovery-points'],
    probes: [],
  },
  {
    id: 'enhanced-policy-migration',
    anchor: 'backupoperationfailedv2',
    title: {
      en: 'Backups fail since the VM moved from a Standard to an Enhanced policy',
      fr: 'Les sauvegardes échouent depuis le passage de la VM d’une stratégie Standard à une stratégie Enhanced',
    },
    action: {
      en: 'If backups of {vmName} (resource group {vmResourceGroup}) fail since it moved from a Standard to an Enhanced policy in vault {vaultName}, open a request with Microsoft Support: the article gives no other fix.',
      fr: 'Si les sauvegardes de {vmName} (groupe de ressources {vmResourceGroup}) échouent depuis son passage d’une stratégie Standard à une stratégie Enhanced dans le coffre {vaultName}, ouvrez une demande auprès du support Microsoft : l’article ne donne pas d’autre correctif.',
    },
    steps: {
      en: [
        'After a move from a Standard to an Enhanced policy, the Enhanced snapshot retention is applied to recovery points made under the Standard policy.',
        'Check the item’s policy and whether the failures began when it changed.',
        'Contact Microsoft Support for the resolution.',
      ],
      fr: [
        'Après un passage d’une stratégie Standard à une stratégie Enhanced, la rétention des instantanés Enhanced s’applique aux points de récupération créés sous la stratégie Standard.',
        'Vérifiez la stratégie de l’élément et si les échecs ont commencé à son changement.',
        'Contactez le support Microsoft pour la résolution.',
      ],
    },
    commands: ['backup-item-state', 'show-job-errors'],
    probes: [],
  },
];
