import type { CauseEntry } from './types.js';

/**
 * The causes of the SQL Server and SAP HANA in Azure VM troubleshooting articles (MicrosoftDocs/azure-docs
 * `articles/backup/backup-sql-server-azure-troubleshoot.md`, ms.date 05/08/2023, and
 * `backup-azure-sap-hana-database-troubleshoot.md`, ms.date 01/09/2026), each once: the article's
 * "possible causes" paraphrased, its recommended actions as steps. They name the database
 * (`{itemName}`) and the VM that hosts it; lookups read that host VM.
 */
export const WORKLOAD_CAUSES: readonly CauseEntry[] = [
  {
    id: 'sql-missing-sysadmin',
    anchor: 'sql-server-permissions',
    title: {
      en: 'The SQL Server instance lacks the permissions backup needs',
      fr: 'L’instance SQL Server n’a pas les autorisations nécessaires à la sauvegarde',
    },
    action: {
      en: 'Give the backup service its permissions on the SQL Server instance hosting {itemName} on {vmName} (resource group {vmResourceGroup}) (NT SERVICE\\AzureWLBackupPluginSvc as sysadmin, per "Set VM permissions"), then configure protection again in vault {vaultName}.',
      fr: 'Donnez au service de sauvegarde ses autorisations sur l’instance SQL Server qui héberge {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) (NT SERVICE\\AzureWLBackupPluginSvc sysadmin, selon « Définir les autorisations de la VM »), puis reconfigurez la protection dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Protection of a SQL Server database installs the AzureBackupWindowsWorkload extension on the VM; the instance must grant it the backup permissions.',
        'Check that NT SERVICE\\AzureWLBackupPluginSvc is a sysadmin of the instance; follow "Set VM permissions" of the SQL Server backup article to add it.',
        'Configure protection again.',
      ],
      fr: [
        'La protection d’une base SQL Server installe l’extension AzureBackupWindowsWorkload sur la VM ; l’instance doit lui accorder les autorisations de sauvegarde.',
        'Vérifiez que NT SERVICE\\AzureWLBackupPluginSvc est sysadmin de l’instance ; suivez « Définir les autorisations de la VM » de l’article sur la sauvegarde SQL Server pour l’ajouter.',
        'Reconfigurez la protection.',
      ],
    },
    commands: ['sql-plugin-sysadmin', 'wl-extension-status', 'wl-rediscover'],
    probes: [],
  },
  {
    id: 'sql-recovery-model',
    anchor: 'usererrorsqlpodoesnotsupportbackuptype',
    title: {
      en: 'The database’s recovery model does not allow this backup type (simple model, or master)',
      fr: 'Le mode de récupération de la base n’autorise pas ce type de sauvegarde (mode simple, ou master)',
    },
    action: {
      en: 'Align the policy of {itemName} on {vmName} (resource group {vmResourceGroup}) in vault {vaultName} with its recovery model: no log backups in the simple model, full backups only for master; or change the recovery model to full or bulk-logged.',
      fr: 'Alignez la stratégie de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName} sur son mode de récupération : pas de sauvegarde de journal en mode simple, sauvegardes complètes seulement pour master ; ou passez le mode de récupération à complet ou journalisé en bloc.',
    },
    steps: {
      en: [
        'A database in the simple recovery model allows no log backup; master allows only full backups.',
        'Either disable log backups for this database, or change its recovery model to full or bulk-logged.',
        'For master, set the policy schedule to full backups only; if a shared policy cannot change, the skipped backups are expected and the error can be ignored.',
      ],
      fr: [
        'Une base en mode de récupération simple n’autorise aucune sauvegarde de journal ; master n’autorise que des sauvegardes complètes.',
        'Désactivez les sauvegardes de journal pour cette base, ou passez son mode de récupération à complet ou journalisé en bloc.',
        'Pour master, limitez la planification aux sauvegardes complètes ; si une stratégie partagée ne peut pas changer, les sauvegardes ignorées sont attendues et l’erreur peut être ignorée.',
      ],
    },
    commands: ['sql-recovery-models', 'backup-item-state'],
    probes: [],
  },
  {
    id: 'conflicting-backup',
    anchor: 'operationcancelledbecauseconflictingoperationrunningusererror',
    title: {
      en: 'Another backup of the same type was already running on the database',
      fr: 'Une autre sauvegarde du même type tournait déjà sur la base',
    },
    action: {
      en: 'Let the running backup of {itemName} on {vmName} (resource group {vmResourceGroup}) finish in vault {vaultName}, then start the operation again.',
      fr: 'Laissez se terminer la sauvegarde en cours de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName}, puis relancez l’opération.',
    },
    steps: {
      en: [
        'A full, differential or log backup was triggered while one of the same type was already running on the database (on-demand, scheduled, or from a native client).',
        'Wait for the running job to end, then restart the operation.',
      ],
      fr: [
        'Une sauvegarde complète, différentielle ou de journal a été lancée alors qu’une sauvegarde du même type tournait déjà sur la base (à la demande, planifiée, ou depuis un client natif).',
        'Attendez la fin du travail en cours, puis relancez l’opération.',
      ],
    },
    commands: ['list-item-jobs', 'list-jobs-in-progress'],
    probes: [],
  },
  {
    id: 'sql-file-ops-or-other-product',
    anchor: 'usererrorfilemanipulationisnotallowedduringbackup',
    title: {
      en: 'File changes or another backup product ran on the database during the backup',
      fr: 'Des modifications de fichiers ou un autre produit de sauvegarde ont agi sur la base pendant la sauvegarde',
    },
    action: {
      en: 'Stop the other backup product (or the file operations) on {itemName} on {vmName} (resource group {vmResourceGroup}), then retry the backup in vault {vaultName}.',
      fr: 'Arrêtez l’autre produit de sauvegarde (ou les opérations sur les fichiers) sur {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}), puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Adding, dropping or shrinking database files, or changing encryption, must not overlap a backup.',
        'A backup by another product on the same database also conflicts with Azure Backup’s.',
        'Disable the other backup product, schedule file maintenance away from backups, then retry.',
      ],
      fr: [
        'Ajouter, supprimer ou réduire des fichiers de la base, ou changer son chiffrement, ne doit pas chevaucher une sauvegarde.',
        'Une sauvegarde de la même base par un autre produit entre aussi en conflit avec celle d’Azure Backup.',
        'Désactivez l’autre produit de sauvegarde, planifiez la maintenance des fichiers hors des sauvegardes, puis réessayez.',
      ],
    },
    commands: ['list-item-jobs', 'backup-now'],
    probes: [],
  },
  {
    id: 'sql-db-deleted-or-renamed',
    anchor: 'usererrorsqlpodoesnotexist',
    title: { en: 'The database was deleted or renamed', fr: 'La base a été supprimée ou renommée' },
    action: {
      en: 'Check whether {itemName} on {vmName} (resource group {vmResourceGroup}) was deleted or renamed: restore it to its original place to keep backing it up, or stop its protection in vault {vaultName}.',
      fr: 'Vérifiez si {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) a été supprimée ou renommée : restaurez-la à son emplacement d’origine pour continuer à la sauvegarder, ou arrêtez sa protection dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Check whether the database was deleted or renamed by mistake.',
        'If it was deleted by mistake, restore it to the original location so backups continue.',
        'If it is no longer needed, stop backup, retaining or deleting the backup data.',
      ],
      fr: [
        'Vérifiez si la base a été supprimée ou renommée par erreur.',
        'Si elle a été supprimée par erreur, restaurez-la à l’emplacement d’origine pour que les sauvegardes continuent.',
        'Si elle n’est plus utile, arrêtez la sauvegarde en conservant ou en supprimant les données.',
      ],
    },
    commands: ['backup-item-state', 'wl-rediscover', 'stop-protection-keep-data'],
    probes: [],
  },
  {
    id: 'sql-log-chain-broken',
    anchor: 'usererrorsqllsnvalidationfailure',
    title: {
      en: 'Another backup solution truncated the log chain',
      fr: 'Une autre solution de sauvegarde a tronqué la chaîne de journaux',
    },
    action: {
      en: 'Stop the other backup solution or script that backs up {itemName} on {vmName} (resource group {vmResourceGroup}); after an on-demand log backup, run a full backup in vault {vaultName} to start a new log chain.',
      fr: 'Arrêtez l’autre solution ou le script qui sauvegarde {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) ; après une sauvegarde de journal à la demande, lancez une sauvegarde complète dans le coffre {vaultName} pour démarrer une nouvelle chaîne de journaux.',
    },
    steps: {
      en: [
        'Another backup solution or script backing up the database or the VM truncates the log chain.',
        'Find and stop the other solution.',
        'For a scheduled log backup nothing else is needed: the service triggers a full backup itself; for an on-demand log backup, trigger a full backup.',
      ],
      fr: [
        'Une autre solution ou un script qui sauvegarde la base ou la VM tronque la chaîne de journaux.',
        'Repérez et arrêtez l’autre solution.',
        'Pour une sauvegarde de journal planifiée, rien d’autre à faire : le service déclenche lui-même une sauvegarde complète ; pour une sauvegarde de journal à la demande, déclenchez une sauvegarde complète.',
      ],
    },
    commands: ['list-item-jobs', 'backup-now'],
    probes: [],
  },
  {
    id: 'sql-connection-failed',
    anchor: 'usererroropeningsqlconnection',
    title: {
      en: 'Azure Backup cannot connect to the SQL Server instance',
      fr: 'Azure Backup ne parvient pas à se connecter à l’instance SQL Server',
    },
    action: {
      en: 'Read the error details of the job for {itemName} on {vmName} (resource group {vmResourceGroup}) in vault {vaultName} and fix the connection to the instance (remote connections, logins such as errors 18456 and 18452), then retry.',
      fr: 'Lisez le détail d’erreur du travail pour {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName} et réparez la connexion à l’instance (connexions à distance, connexions refusées comme les erreurs 18456 et 18452), puis réessayez.',
    },
    steps: {
      en: [
        'The error details of the job narrow down the root cause.',
        'If the instance’s settings refuse the connection (errors -1, 2, 53), change them; if the login fails (errors 18456, 18452), fix the login.',
        'Retry the operation.',
      ],
      fr: [
        'Le détail d’erreur du travail précise la cause.',
        'Si les réglages de l’instance refusent la connexion (erreurs -1, 2, 53), modifiez-les ; si la connexion est refusée (erreurs 18456, 18452), corrigez le compte.',
        'Relancez l’opération.',
      ],
    },
    commands: ['show-job-errors', 'sql-plugin-sysadmin'],
    probes: [],
  },
  {
    id: 'sql-no-full-backup',
    anchor: 'usererrorparentfullbackupmissing',
    title: {
      en: 'The database has no full backup yet: differential and log backups need one',
      fr: 'La base n’a pas encore de sauvegarde complète : les sauvegardes différentielles et de journal en ont besoin',
    },
    action: {
      en: 'Run an on-demand full backup of {itemName} on {vmName} (resource group {vmResourceGroup}) in vault {vaultName}; for a scheduled backup, the service triggers the full backup itself.',
      fr: 'Lancez une sauvegarde complète à la demande de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName} ; pour une sauvegarde planifiée, le service déclenche lui-même la sauvegarde complète.',
    },
    steps: {
      en: [
        'Log and differential backups depend on a full backup; none exists yet for this database.',
        'For a scheduled backup, the service triggers a full backup by itself: nothing to do.',
        'For an on-demand backup, trigger a full backup first.',
      ],
      fr: [
        'Les sauvegardes de journal et différentielles dépendent d’une sauvegarde complète ; aucune n’existe encore pour cette base.',
        'Pour une sauvegarde planifiée, le service déclenche lui-même une sauvegarde complète : rien à faire.',
        'Pour une sauvegarde à la demande, déclenchez d’abord une sauvegarde complète.',
      ],
    },
    commands: ['backup-now', 'list-item-jobs'],
    fix: 'backup-now',
    probes: [],
  },
  {
    id: 'sql-log-full',
    anchor: 'usererrorbackupfailedastransactionlogisfull',
    title: {
      en: 'The transaction log of the database is full',
      fr: 'Le journal des transactions de la base est plein',
    },
    action: {
      en: 'Free space in the transaction log of {itemName} on {vmName} (resource group {vmResourceGroup}) (SQL Server error 9002), then retry the backup in vault {vaultName}.',
      fr: 'Libérez de l’espace dans le journal des transactions de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) (erreur SQL Server 9002), puis relancez la sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The log of the database is full, so no backup can be taken.',
        'Follow SQL Server error 9002 to free log space (log backup, growth, disk space).',
        'Retry the backup.',
      ],
      fr: [
        'Le journal de la base est plein : aucune sauvegarde n’est possible.',
        'Suivez l’erreur SQL Server 9002 pour libérer de l’espace de journal (sauvegarde du journal, croissance, espace disque).',
        'Relancez la sauvegarde.',
      ],
    },
    commands: ['sql-log-space', 'backup-now'],
    probes: [],
  },
  {
    id: 'sql-target-exists',
    anchor: 'usererrorcannotrestoreexistingdbwithoutforceoverwrite',
    title: {
      en: 'A database of the same name already exists at the restore target',
      fr: 'Une base du même nom existe déjà à la cible de la restauration',
    },
    action: {
      en: 'Restore {itemName} on {vmName} (resource group {vmResourceGroup}) from vault {vaultName} under another database name, or choose force overwrite.',
      fr: 'Restaurez {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) depuis le coffre {vaultName} sous un autre nom de base, ou choisissez l’écrasement forcé.',
    },
    steps: {
      en: [
        'The target already has a database with that name.',
        'Change the target database name, or select force overwrite on the restore page.',
      ],
      fr: [
        'La cible a déjà une base de ce nom.',
        'Changez le nom de la base cible, ou sélectionnez l’écrasement forcé sur la page de restauration.',
      ],
    },
    commands: ['list-recovery-points'],
    probes: [],
  },
  {
    id: 'sql-cannot-offline',
    anchor: 'usererrorrestorefaileddatabasecannotbeofflined',
    title: {
      en: 'The target database could not be taken offline for the restore',
      fr: 'La base cible n’a pas pu être mise hors connexion pour la restauration',
    },
    action: {
      en: 'Read the error details of the restore of {itemName} on {vmName} (resource group {vmResourceGroup}) in vault {vaultName}, close what keeps the target database online, then restore again.',
      fr: 'Lisez le détail d’erreur de la restauration de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName}, fermez ce qui maintient la base cible en ligne, puis relancez la restauration.',
    },
    steps: {
      en: [
        'A restore takes the target database offline; Azure Backup could not.',
        'The error details of the job say why (open connections, for example).',
        'Fix it and restore again.',
      ],
      fr: [
        'Une restauration met la base cible hors connexion ; Azure Backup n’a pas pu.',
        'Le détail d’erreur du travail dit pourquoi (connexions ouvertes, par exemple).',
        'Corrigez et relancez la restauration.',
      ],
    },
    commands: ['show-job-errors'],
    probes: [],
  },
  {
    id: 'wl-io-target',
    anchor: 'wlextgenericiofaultusererror',
    title: {
      en: 'The restore target cannot be written: permissions or space',
      fr: 'La cible de la restauration ne peut pas être écrite : droits ou espace',
    },
    action: {
      en: 'Give NT AUTHORITY\\SYSTEM read and write rights on the target drive or share of the restore of {itemName} on {vmName} (resource group {vmResourceGroup}), make sure it has room, then restore again from vault {vaultName}.',
      fr: 'Donnez à NT AUTHORITY\\SYSTEM les droits de lecture et d’écriture sur le lecteur ou le partage cible de la restauration de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}), vérifiez qu’il a de la place, puis relancez la restauration depuis le coffre {vaultName}.',
    },
    steps: {
      en: [
        'An input/output error occurred on the target drive or network share.',
        'It must allow NT AUTHORITY\\SYSTEM to read and write, and have enough space.',
        'Fix both, then restore again.',
      ],
      fr: [
        'Une erreur d’entrée/sortie s’est produite sur le lecteur ou le partage réseau cible.',
        'Il doit permettre à NT AUTHORITY\\SYSTEM de lire et d’écrire, et avoir assez d’espace.',
        'Corrigez les deux, puis relancez la restauration.',
      ],
    },
    commands: ['show-job-errors', 'vm-guest-resources'],
    probes: [],
  },
  {
    id: 'sql-tde-cert-missing',
    anchor: 'usererrorcannotfindservercertificatewiththumbprint',
    title: {
      en: 'The target instance lacks the certificate that encrypts the database',
      fr: 'L’instance cible n’a pas le certificat qui chiffre la base',
    },
    action: {
      en: 'Import into the target instance the certificate the source instance of {itemName} on {vmName} (resource group {vmResourceGroup}) uses, then restore again from vault {vaultName}.',
      fr: 'Importez dans l’instance cible le certificat qu’utilise l’instance source de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}), puis relancez la restauration depuis le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The master database of the target instance has no certificate with the thumbprint the backup needs.',
        'Import the certificate used on the source instance into the target instance, then restore again.',
      ],
      fr: [
        'La base master de l’instance cible n’a pas de certificat avec l’empreinte dont la sauvegarde a besoin.',
        'Importez le certificat de l’instance source dans l’instance cible, puis relancez la restauration.',
      ],
    },
    commands: ['show-job-errors'],
    probes: [],
  },
  {
    id: 'sql-bulk-logged',
    anchor: 'usererrorrestorenotpossiblebecauselogbackupcontainsbulkloggedchanges',
    title: {
      en: 'The chosen point in time falls in bulk-logged changes',
      fr: 'Le point dans le temps choisi tombe dans des modifications journalisées en bloc',
    },
    action: {
      en: 'Restore {itemName} on {vmName} (resource group {vmResourceGroup}) from vault {vaultName} to another point in time: a log backup with bulk-logged changes cannot stop at an arbitrary time.',
      fr: 'Restaurez {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) depuis le coffre {vaultName} à un autre point dans le temps : une sauvegarde de journal avec des modifications journalisées en bloc ne peut pas s’arrêter à un instant quelconque.',
    },
    steps: {
      en: [
        'In the bulk-logged recovery model, the data between a bulk-logged transaction and the next log backup cannot be recovered to an arbitrary point.',
        'Choose a different point in time.',
      ],
      fr: [
        'En mode journalisé en bloc, les données entre une transaction journalisée en bloc et la sauvegarde de journal suivante ne peuvent pas être restaurées à un instant quelconque.',
        'Choisissez un autre point dans le temps.',
      ],
    },
    commands: ['list-recovery-points'],
    probes: [],
  },
  {
    id: 'sql-ag-nodes-unregistered',
    anchor: 'fabricsvcbackuppreferencecheckfailedusererror',
    title: {
      en: 'Nodes of the Always On availability group are not registered or reachable',
      fr: 'Des nœuds du groupe de disponibilité Always On ne sont pas inscrits ou joignables',
    },
    action: {
      en: 'Register (or bring back) every availability group node needed to back up {itemName} on {vmName} (resource group {vmResourceGroup}), or change the group’s backup preference, then retry in vault {vaultName}.',
      fr: 'Inscrivez (ou rendez joignable) chaque nœud du groupe de disponibilité nécessaire pour sauvegarder {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}), ou changez la préférence de sauvegarde du groupe, puis réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The availability group’s backup preference needs nodes that are not registered to the vault or not reachable.',
        'Make sure every node needed for the backup is registered and healthy.',
        'Or change the backup preference of the availability group, then retry.',
      ],
      fr: [
        'La préférence de sauvegarde du groupe de disponibilité exige des nœuds non inscrits au coffre ou injoignables.',
        'Vérifiez que chaque nœud nécessaire à la sauvegarde est inscrit et en bonne santé.',
        'Ou changez la préférence de sauvegarde du groupe de disponibilité, puis réessayez.',
      ],
    },
    commands: ['wl-reregister', 'wl-extension-status'],
    probes: [],
  },
  {
    id: 'wl-vm-shutdown',
    anchor: 'vmnotinrunningstateusererror',
    title: { en: 'The VM hosting the database is shut down', fr: 'La VM qui héberge la base est arrêtée' },
    action: {
      en: 'Start {vmName} (resource group {vmResourceGroup}), the VM that hosts {itemName}, and make sure its database instance runs, then retry in vault {vaultName}.',
      fr: 'Démarrez {vmName} (groupe de ressources {vmResourceGroup}), la VM qui héberge {itemName}, et vérifiez que son instance de base de données tourne, puis réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Azure Backup reaches the database through its VM: a VM that is shut down cannot be backed up.',
        'Start the VM and check the database instance runs, then retry.',
      ],
      fr: [
        'Azure Backup atteint la base à travers sa VM : une VM arrêtée ne peut pas être sauvegardée.',
        'Démarrez la VM et vérifiez que l’instance de base de données tourne, puis réessayez.',
      ],
    },
    commands: ['vm-power-state', 'backup-now'],
    probes: ['vm-state'],
  },
  {
    id: 'wl-guest-agent',
    anchor: 'guestagentstatusunavailableusererror',
    title: {
      en: 'The guest agent of the VM hosting the database is missing or unhealthy',
      fr: 'L’agent invité de la VM qui héberge la base est absent ou en mauvais état',
    },
    action: {
      en: 'Install or repair the VM guest agent on {vmName} (resource group {vmResourceGroup}), the VM that hosts {itemName}, then retry in vault {vaultName}.',
      fr: 'Installez ou réparez l’agent invité de {vmName} (groupe de ressources {vmResourceGroup}), la VM qui héberge {itemName}, puis réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Azure Backup drives database backups through the VM guest agent.',
        'Check the agent reports Ready; install the Windows VM agent manually if it is missing or unhealthy.',
        'Retry the operation.',
      ],
      fr: [
        'Azure Backup pilote la sauvegarde des bases à travers l’agent invité de la VM.',
        'Vérifiez que l’agent est « Ready » ; installez l’agent de VM Windows à la main s’il manque ou ne va pas bien.',
        'Relancez l’opération.',
      ],
    },
    commands: ['vm-agent-status', 'backup-now'],
    probes: ['vm-state'],
  },
  {
    id: 'auto-protection-disabled',
    anchor: 'autoprotectioncancelledornotvalid',
    title: {
      en: 'Auto-protection was turned off while its configure jobs were running',
      fr: 'La protection automatique a été désactivée pendant que ses travaux de configuration tournaient',
    },
    action: {
      en: 'Turn auto-protection on again for the SQL Server instance on {vmName} (resource group {vmResourceGroup}) in vault {vaultName} so the remaining databases, such as {itemName}, get protected.',
      fr: 'Réactivez la protection automatique de l’instance SQL Server de {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName} pour que les bases restantes, comme {itemName}, soient protégées.',
    },
    steps: {
      en: [
        'Auto-protection runs a configure job for every database of the instance; turning it off cancels those still in progress.',
        'Enable auto-protection again to protect the remaining databases.',
      ],
      fr: [
        'La protection automatique lance un travail de configuration par base de l’instance ; la désactiver annule ceux encore en cours.',
        'Réactivez la protection automatique pour protéger les bases restantes.',
      ],
    },
    commands: ['wl-auto-protection'],
    probes: [],
  },
  {
    id: 'dos-limit-24h',
    anchor: 'clouddosabsolutelimitreached',
    title: {
      en: 'The limit of operations allowed in 24 hours was reached',
      fr: 'La limite d’opérations autorisées en 24 heures est atteinte',
    },
    action: {
      en: 'Retry the operation on {itemName} on {vmName} (resource group {vmResourceGroup}) in vault {vaultName} after 24 hours; if it still fails then, contact Microsoft Support.',
      fr: 'Relancez l’opération sur {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName} après 24 heures ; si elle échoue encore, contactez le support Microsoft.',
    },
    steps: {
      en: [
        'The vault reached the maximum number of such operations (for example configure backup jobs) in 24 hours.',
        'Retry after 24 hours; contact Microsoft Support if it persists.',
      ],
      fr: [
        'Le coffre a atteint le nombre maximal de ces opérations (par exemple des travaux de configuration de sauvegarde) en 24 heures.',
        'Réessayez après 24 heures ; contactez le support Microsoft si cela persiste.',
      ],
    },
    commands: ['list-item-jobs'],
    probes: [],
  },
  {
    id: 'dos-limit-24h-auto-retry',
    anchor: 'clouddosabsolutelimitreachedwithretry',
    title: {
      en: 'The vault reached its daily limit of at-scale operations; the service retries',
      fr: 'Le coffre a atteint sa limite quotidienne d’opérations en masse ; le service réessaie',
    },
    action: {
      en: 'Nothing to run for {itemName} on {vmName} (resource group {vmResourceGroup}): the service retries the operation in vault {vaultName} after 24 hours; check that it then succeeds.',
      fr: 'Rien à lancer pour {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) : le service réessaie l’opération dans le coffre {vaultName} après 24 heures ; vérifiez qu’elle réussit alors.',
    },
    steps: {
      en: [
        'At-scale operations (a policy change, auto-protection) started more configure jobs than allowed in 24 hours.',
        'The service retries them after 24 hours: check the jobs then.',
      ],
      fr: [
        'Des opérations en masse (changement de stratégie, protection automatique) ont lancé plus de travaux de configuration qu’autorisé en 24 heures.',
        'Le service les relance après 24 heures : vérifiez les travaux à ce moment-là.',
      ],
    },
    commands: ['list-item-jobs'],
    probes: [],
  },
  {
    id: 'wl-vm-off-or-no-internet',
    anchor: 'workloadextensionnotreachable',
    title: {
      en: 'The VM hosting the database is shut down or cannot reach Azure Backup',
      fr: 'La VM qui héberge la base est arrêtée ou ne joint pas Azure Backup',
    },
    action: {
      en: 'Make sure {vmName} (resource group {vmResourceGroup}), the VM that hosts {itemName}, runs and reaches the internet, then retry in vault {vaultName}.',
      fr: 'Vérifiez que {vmName} (groupe de ressources {vmResourceGroup}), la VM qui héberge {itemName}, tourne et accède à Internet, puis réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The workload extension could not be reached: the VM is shut down, or it cannot contact the Azure Backup service.',
        'Start the VM and check its outbound connectivity.',
        'Retry the operation.',
      ],
      fr: [
        'L’extension de charge de travail est injoignable : la VM est arrêtée, ou elle ne contacte pas le service Azure Backup.',
        'Démarrez la VM et vérifiez sa connectivité sortante.',
        'Relancez l’opération.',
      ],
    },
    commands: ['vm-power-state', 'wl-extension-status'],
    probes: ['vm-state'],
  },
  {
    id: 'workload-extension-unreachable',
    anchor: 're-registration-failures',
    title: {
      en: 'The workload backup extension on the VM is missing, broken or expired',
      fr: 'L’extension de sauvegarde de charge de travail de la VM est absente, cassée ou expirée',
    },
    action: {
      en: 'Re-register {vmName} (resource group {vmResourceGroup}), the VM that hosts {itemName}, with vault {vaultName}, after checking it runs and reaches Azure.',
      fr: 'Réinscrivez {vmName} (groupe de ressources {vmResourceGroup}), la VM qui héberge {itemName}, auprès du coffre {vaultName}, après avoir vérifié qu’elle tourne et joint Azure.',
    },
    steps: {
      en: [
        'The extension was uninstalled (portal or Control Panel), the VM was restored in place or shut down so long that the extension configuration expired, or the VM was re-created with the same name.',
        'Rule out permissions, a VM that is shut down and network issues first.',
        'Then re-register the VM with the vault.',
      ],
      fr: [
        'L’extension a été désinstallée (portail ou Panneau de configuration), la VM a été restaurée sur place ou arrêtée si longtemps que la configuration de l’extension a expiré, ou la VM a été recréée sous le même nom.',
        'Écartez d’abord les problèmes d’autorisation, une VM arrêtée et les problèmes réseau.',
        'Puis réinscrivez la VM auprès du coffre.',
      ],
    },
    commands: ['wl-extension-status', 'wl-reregister'],
    fix: 'wl-reregister',
    probes: [],
  },
  {
    id: 'wl-no-outbound',
    anchor: 'usererrorvminternetconnectivityissue',
    title: {
      en: 'The VM hosting the database cannot reach Azure Backup, Azure Storage or Microsoft Entra ID',
      fr: 'La VM qui héberge la base ne joint pas Azure Backup, Stockage Azure ou Microsoft Entra ID',
    },
    action: {
      en: 'Open outbound access from {vmName} (resource group {vmResourceGroup}), the VM that hosts {itemName}, to the AzureBackup, Storage and AzureActiveDirectory service tags, then retry in vault {vaultName}.',
      fr: 'Ouvrez l’accès sortant de {vmName} (groupe de ressources {vmResourceGroup}), la VM qui héberge {itemName}, vers les étiquettes de service AzureBackup, Storage et AzureActiveDirectory, puis réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The VM needs outbound access to the Azure Backup service, Azure Storage and Microsoft Entra ID.',
        'With an NSG, allow the AzureBackup, Storage and AzureActiveDirectory service tags; check DNS resolves Azure endpoints.',
        'Check no load balancer, firewall, antivirus or proxy blocks those calls, then retry.',
      ],
      fr: [
        'La VM a besoin d’un accès sortant vers le service Azure Backup, Stockage Azure et Microsoft Entra ID.',
        'Avec un NSG, autorisez les étiquettes de service AzureBackup, Storage et AzureActiveDirectory ; vérifiez que le DNS résout les points de terminaison Azure.',
        'Vérifiez qu’aucun équilibreur de charge, pare-feu, antivirus ou proxy ne bloque ces appels, puis réessayez.',
      ],
    },
    commands: ['test-entra-windows', 'wl-extension-status'],
    probes: [],
  },
  {
    id: 'sql-mirroring',
    anchor: 'usererroroperationnotalloweddatabasemirroringenabled',
    title: {
      en: 'The database is in a database mirroring session, which backup does not support',
      fr: 'La base participe à une session de mise en miroir, que la sauvegarde ne prend pas en charge',
    },
    action: {
      en: 'Remove {itemName} on {vmName} (resource group {vmResourceGroup}) from its database mirroring session, or stop its backup in vault {vaultName}.',
      fr: 'Retirez {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) de sa session de mise en miroir, ou arrêtez sa sauvegarde dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Azure Backup does not back up databases that take part in database mirroring.',
        'Remove the mirroring session, or stop backup of the database.',
      ],
      fr: [
        'Azure Backup ne sauvegarde pas les bases qui participent à une mise en miroir.',
        'Supprimez la session de mise en miroir, ou arrêtez la sauvegarde de la base.',
      ],
    },
    commands: ['sql-mirroring', 'stop-protection-keep-data'],
    probes: [],
  },
  {
    id: 'wl-plugin-service-account',
    anchor: 'usererrorwindowswlextfailedtostartpluginservice',
    title: {
      en: 'The workload plugin service account lacks rights, so the service cannot start',
      fr: 'Le compte du service du plugin de charge de travail manque de droits : le service ne démarre pas',
    },
    action: {
      en: 'On {vmName} (resource group {vmResourceGroup}), the VM that hosts {itemName}, give NT Service\\AzureWLBackupPluginSvc read access to the .NET GAC folders and machine.config and the "Bypass traverse checking" right, then retry in vault {vaultName}.',
      fr: 'Sur {vmName} (groupe de ressources {vmResourceGroup}), la VM qui héberge {itemName}, donnez à NT Service\\AzureWLBackupPluginSvc la lecture des dossiers GAC du .NET et de machine.config, et le droit « Contourner la vérification de parcours », puis réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Check that NT Service\\AzureWLBackupPluginSvc can read C:\\windows\\Microsoft.NET\\assembly\\GAC_32, GAC_64 and C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\Config\\machine.config; grant Read if not.',
        'In Local Security Policy > User Rights Assignment > Bypass traverse checking, keep Everyone, or add NT Service\\AzureWLBackupPluginSvc.',
        'Restart the service, or trigger the backup or restore again.',
      ],
      fr: [
        'Vérifiez que NT Service\\AzureWLBackupPluginSvc peut lire C:\\windows\\Microsoft.NET\\assembly\\GAC_32, GAC_64 et C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\Config\\machine.config ; sinon accordez la lecture.',
        'Dans Stratégie de sécurité locale > Attribution des droits utilisateur > Contourner la vérification de parcours, gardez Everyone, ou ajoutez NT Service\\AzureWLBackupPluginSvc.',
        'Redémarrez le service, ou relancez la sauvegarde ou la restauration.',
      ],
    },
    commands: ['wl-plugin-service', 'backup-now'],
    probes: [],
  },
  {
    id: 'hana-role-missing',
    anchor: 'usererrorhanainternalrolenotpresent',
    title: {
      en: 'The backup user lacks the SAP_INTERNAL_HANA_SUPPORT role',
      fr: 'L’utilisateur de sauvegarde n’a pas le rôle SAP_INTERNAL_HANA_SUPPORT',
    },
    action: {
      en: 'Run the pre-registration script (https://aka.ms/scriptforpermsonhana) on the HANA instance of {itemName} on {vmName} (resource group {vmResourceGroup}), or give AZUREWLBACKUPHANAUSER the SAP_INTERNAL_HANA_SUPPORT role, then retry in vault {vaultName}.',
      fr: 'Lancez le script de pré-inscription (https://aka.ms/scriptforpermsonhana) sur l’instance HANA de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}), ou donnez à AZUREWLBACKUPHANAUSER le rôle SAP_INTERNAL_HANA_SUPPORT, puis réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The backup user AZUREWLBACKUPHANAUSER lost, or never had, the SAP_INTERNAL_HANA_SUPPORT role.',
        'Run the pre-registration script (https://aka.ms/scriptforpermsonhana) or assign the role by hand.',
        'From HANA 2.0 SPS04 Rev 46 the role is no longer used and this error does not occur.',
      ],
      fr: [
        'L’utilisateur de sauvegarde AZUREWLBACKUPHANAUSER a perdu, ou n’a jamais eu, le rôle SAP_INTERNAL_HANA_SUPPORT.',
        'Lancez le script de pré-inscription (https://aka.ms/scriptforpermsonhana) ou attribuez le rôle à la main.',
        'À partir de HANA 2.0 SPS04 Rev 46, le rôle n’est plus utilisé et cette erreur ne se produit pas.',
      ],
    },
    commands: ['wl-extension-status'],
    probes: [],
  },
  {
    id: 'hana-odbc',
    anchor: 'usererrorinopeninghanaodbcconnection',
    title: {
      en: 'The HANA system cannot be reached: system or tenant database offline, or missing privileges',
      fr: 'Le système HANA est injoignable : base système ou locataire hors ligne, ou privilèges manquants',
    },
    action: {
      en: 'Check the HANA system of {itemName} on {vmName} (resource group {vmResourceGroup}) runs with its databases online, then run the pre-registration script (https://aka.ms/scriptforpermsonhana) to set the backup user’s privileges, and retry in vault {vaultName}.',
      fr: 'Vérifiez que le système HANA de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) tourne avec ses bases en ligne, puis lancez le script de pré-inscription (https://aka.ms/scriptforpermsonhana) pour régler les privilèges de l’utilisateur de sauvegarde, et réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The connection to the HANA instance failed: the system database or a tenant database is offline, or AZUREWLBACKUPHANAUSER lacks privileges.',
        'Check the system runs; if databases run, run the pre-registration script to set the permissions.',
      ],
      fr: [
        'La connexion à l’instance HANA a échoué : la base système ou une base locataire est hors ligne, ou AZUREWLBACKUPHANAUSER manque de privilèges.',
        'Vérifiez que le système tourne ; si les bases tournent, lancez le script de pré-inscription pour régler les autorisations.',
      ],
    },
    commands: ['wl-extension-status', 'show-job-errors'],
    probes: [],
  },
  {
    id: 'hana-instance-invalid',
    anchor: 'usererrorhanainstancenameinvalid',
    title: {
      en: 'The SAP HANA instance is invalid or not found, or several instances run on the VM',
      fr: 'L’instance SAP HANA est invalide ou introuvable, ou plusieurs instances tournent sur la VM',
    },
    action: {
      en: 'Keep a single HANA instance on {vmName} (resource group {vmResourceGroup}) and run the pre-registration script with the right instance, then configure {itemName} again in vault {vaultName}.',
      fr: 'Gardez une seule instance HANA sur {vmName} (groupe de ressources {vmResourceGroup}) et lancez le script de pré-inscription avec la bonne instance, puis reconfigurez {itemName} dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Backup supports one HANA instance per VM; the instance given is invalid or not found.',
        'Run the script from the Discover DB pane (or the pre-registration script) with the right instance.',
      ],
      fr: [
        'La sauvegarde prend en charge une instance HANA par VM ; l’instance indiquée est invalide ou introuvable.',
        'Lancez le script depuis le volet Découvrir les bases (ou le script de pré-inscription) avec la bonne instance.',
      ],
    },
    commands: ['wl-rediscover'],
    probes: [],
  },
  {
    id: 'hana-log-chain-broken',
    anchor: 'usererrorhanalsnvalidationfailure',
    title: {
      en: 'The HANA log chain broke: the service runs an auto-heal full backup',
      fr: 'La chaîne de journaux HANA est rompue : le service lance une sauvegarde complète d’auto-réparation',
    },
    action: {
      en: 'Let the auto-heal full backup of {itemName} on {vmName} (resource group {vmResourceGroup}) finish in vault {vaultName}; if none runs and no backup succeeds within 24 hours, contact Microsoft Support.',
      fr: 'Laissez se terminer la sauvegarde complète d’auto-réparation de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName} ; si aucune ne tourne et qu’aucune sauvegarde ne réussit sous 24 heures, contactez le support Microsoft.',
    },
    steps: {
      en: [
        'The log chain breaks on a storage commit failure, an offline tenant database, an extension upgrade, a HANA rollback, or a change of the log backup destination or Backint executable.',
        'Azure Backup triggers an auto-heal full backup; meanwhile, log backups fail with OperationCancelledBecauseConflictingAutohealOperationRunningUserError.',
        'If no auto-heal or successful backup happens within 24 hours, contact Microsoft Support.',
      ],
      fr: [
        'La chaîne se rompt sur un échec d’écriture dans le stockage, une base locataire hors ligne, une mise à niveau de l’extension, une annulation HANA, ou un changement de destination des sauvegardes de journal ou de l’exécutable Backint.',
        'Azure Backup déclenche une sauvegarde complète d’auto-réparation ; en attendant, les sauvegardes de journal échouent avec OperationCancelledBecauseConflictingAutohealOperationRunningUserError.',
        'Si aucune auto-réparation ni sauvegarde réussie n’a lieu sous 24 heures, contactez le support Microsoft.',
      ],
    },
    commands: ['list-item-jobs'],
    probes: [],
  },
  {
    id: 'hana-sdc-to-mdc',
    anchor: 'usererrorsdctomdcupgradedetected',
    title: {
      en: 'The HANA system was upgraded from SDC to MDC',
      fr: 'Le système HANA a été mis à niveau de SDC vers MDC',
    },
    action: {
      en: 'Follow the article’s "SDC to MDC upgrade" steps for {itemName} on {vmName} (resource group {vmResourceGroup}) (stop protection with retained data, re-run the pre-registration script, rediscover and configure again) in vault {vaultName}.',
      fr: 'Suivez les étapes « Mise à niveau SDC vers MDC » de l’article pour {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) (arrêt de la protection en gardant les données, nouveau script de pré-inscription, redécouverte et nouvelle configuration) dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Backups of an SDC system fail once it is upgraded to MDC.',
        'Follow the SDC to MDC upgrade section of the SAP HANA troubleshooting article (with or without a change of SID).',
      ],
      fr: [
        'Les sauvegardes d’un système SDC échouent une fois mis à niveau en MDC.',
        'Suivez la section Mise à niveau SDC vers MDC de l’article de dépannage SAP HANA (avec ou sans changement de SID).',
      ],
    },
    commands: ['stop-protection-keep-data', 'wl-rediscover'],
    probes: [],
  },
  {
    id: 'hana-backint-config',
    anchor: 'usererrorinvalidbackintconfiguration',
    title: {
      en: 'The Backint settings Azure Backup configured were changed',
      fr: 'Les paramètres Backint configurés par Azure Backup ont été modifiés',
    },
    action: {
      en: 'Restore the Backint parameters of the HANA system of {itemName} on {vmName} (resource group {vmResourceGroup}) (catalog_backup_using_backint=true, enable_accumulated_catalog_backup=false, parallel_data_backup_backint_channels=1, log_backup_timeout_s=900, backint_response_timeout=7200), then retry in vault {vaultName}.',
      fr: 'Rétablissez les paramètres Backint du système HANA de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) (catalog_backup_using_backint=true, enable_accumulated_catalog_backup=false, parallel_data_backup_backint_channels=1, log_backup_timeout_s=900, backint_response_timeout=7200), puis réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Check catalog_backup_using_backint=true, enable_accumulated_catalog_backup=false, parallel_data_backup_backint_channels=1, log_backup_timeout_s=900 and backint_response_timeout=7200.',
        'Remove Backint parameters set at HOST level; if they were changed at database level, set the database-level values back.',
        'Or stop protection with retained data and resume backup from the portal.',
      ],
      fr: [
        'Vérifiez catalog_backup_using_backint=true, enable_accumulated_catalog_backup=false, parallel_data_backup_backint_channels=1, log_backup_timeout_s=900 et backint_response_timeout=7200.',
        'Supprimez les paramètres Backint définis au niveau HOST ; s’ils ont été changés au niveau de la base, rétablissez les valeurs de ce niveau.',
        'Ou arrêtez la protection en gardant les données et reprenez la sauvegarde depuis le portail.',
      ],
    },
    commands: ['backup-item-state'],
    probes: [],
  },
  {
    id: 'hana-incompatible-restore',
    anchor: 'usererrorincompatiblesrctargetsystemsforrestore',
    title: {
      en: 'The source and target HANA systems are incompatible for this restore',
      fr: 'Les systèmes HANA source et cible sont incompatibles pour cette restauration',
    },
    action: {
      en: 'Restore {itemName} on {vmName} (resource group {vmResourceGroup}) from vault {vaultName} to a compatible target: SYSTEMDB cannot be renamed, and SDC and MDC systems cannot be restored into each other.',
      fr: 'Restaurez {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) depuis le coffre {vaultName} vers une cible compatible : SYSTEMDB ne peut pas être renommée, et SDC et MDC ne se restaurent pas l’un dans l’autre.',
    },
    steps: {
      en: [
        'SYSTEMDB cannot be renamed during a restore.',
        'An SDC source cannot be restored to an MDC target, nor an MDC source to an SDC target (SAP note 1642148).',
      ],
      fr: [
        'SYSTEMDB ne peut pas être renommée pendant une restauration.',
        'Une source SDC ne se restaure pas vers une cible MDC, ni une source MDC vers une cible SDC (note SAP 1642148).',
      ],
    },
    commands: ['list-recovery-points'],
    probes: [],
  },
  {
    id: 'hana-db-deleted',
    anchor: 'usererrorhanapodoesnotexist',
    title: {
      en: 'The database configured for backup no longer exists',
      fr: 'La base configurée pour la sauvegarde n’existe plus',
    },
    action: {
      en: 'Check whether {itemName} on {vmName} (resource group {vmResourceGroup}) was deleted: re-create it, or stop its protection in vault {vaultName} (keeping or deleting its data).',
      fr: 'Vérifiez si {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) a été supprimée : recréez-la, ou arrêtez sa protection dans le coffre {vaultName} (en gardant ou en supprimant ses données).',
    },
    steps: {
      en: [
        'Every backup of a deleted database fails.',
        'Re-create the database, or stop its protection with or without retained data.',
      ],
      fr: [
        'Toute sauvegarde d’une base supprimée échoue.',
        'Recréez la base, ou arrêtez sa protection avec ou sans conservation des données.',
      ],
    },
    commands: ['backup-item-state', 'stop-protection-keep-data'],
    probes: [],
  },
  {
    id: 'hana-user-roles',
    anchor: 'usererrorinsufficientprivilegeofdatabaseuser',
    title: {
      en: 'The backup user lacks the roles backup and restore need',
      fr: 'L’utilisateur de sauvegarde n’a pas les rôles nécessaires à la sauvegarde et à la restauration',
    },
    action: {
      en: 'Give AZUREWLBACKUPHANAUSER the roles it needs on the HANA system of {itemName} on {vmName} (resource group {vmResourceGroup}) (DATABASE ADMIN, BACKUP ADMIN, CATALOG READ), or run the pre-registration script (https://aka.ms/scriptforpermsonhana), then retry in vault {vaultName}.',
      fr: 'Donnez à AZUREWLBACKUPHANAUSER les rôles nécessaires sur le système HANA de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) (DATABASE ADMIN, BACKUP ADMIN, CATALOG READ), ou lancez le script de pré-inscription (https://aka.ms/scriptforpermsonhana), puis réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The backup user needs DATABASE ADMIN and BACKUP ADMIN (MDC, HANA 2.0 SPS05 and later) or BACKUP ADMIN (SDC) to create databases during restore, CATALOG READ to read the backup catalog, and before HANA 2.0 SPS04 Rev 46 SAP_INTERNAL_HANA_SUPPORT.',
        'Add the missing roles by hand, or run the pre-registration script (https://aka.ms/scriptforpermsonhana).',
      ],
      fr: [
        'L’utilisateur de sauvegarde a besoin de DATABASE ADMIN et BACKUP ADMIN (MDC, HANA 2.0 SPS05 et ultérieur) ou BACKUP ADMIN (SDC) pour créer des bases pendant la restauration, de CATALOG READ pour lire le catalogue, et avant HANA 2.0 SPS04 Rev 46 de SAP_INTERNAL_HANA_SUPPORT.',
        'Ajoutez les rôles manquants à la main, ou lancez le script de pré-inscription (https://aka.ms/scriptforpermsonhana).',
      ],
    },
    commands: ['wl-extension-status'],
    probes: [],
  },
  {
    id: 'hana-password-expired',
    anchor: 'usererrordatabaseuserpasswordexpired',
    title: {
      en: 'The password of the backup user expired',
      fr: 'Le mot de passe de l’utilisateur de sauvegarde a expiré',
    },
    action: {
      en: 'Run the pre-registration script (https://aka.ms/scriptforpermsonhana) again on the HANA instance of {itemName} on {vmName} (resource group {vmResourceGroup}) to reset the backup user, then retry in vault {vaultName}.',
      fr: 'Relancez le script de pré-inscription (https://aka.ms/scriptforpermsonhana) sur l’instance HANA de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) pour rétablir l’utilisateur de sauvegarde, puis réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The script creates the backup user with a password that does not expire; someone changed that.',
        'Run the pre-registration script again.',
      ],
      fr: [
        'Le script crée l’utilisateur de sauvegarde avec un mot de passe sans expiration ; quelqu’un l’a modifié.',
        'Relancez le script de pré-inscription.',
      ],
    },
    commands: ['wl-extension-status'],
    probes: [],
  },
  {
    id: 'hana-ssfs',
    anchor: 'usererrorinconsistentssfs',
    title: {
      en: 'SAP HANA reports an inconsistent Secure Storage File System (SSFS)',
      fr: 'SAP HANA signale un Secure Storage File System (SSFS) incohérent',
    },
    action: {
      en: 'Ask the SAP HANA team to fix the SSFS of the system of {itemName} on {vmName} (resource group {vmResourceGroup}) (SAP note 0002097613), then retry in vault {vaultName}.',
      fr: 'Demandez à l’équipe SAP HANA de réparer le SSFS du système de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) (note SAP 0002097613), puis réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The HANA engine reported an inconsistent SSFS.',
        'Work with the SAP HANA team (SAP note 0002097613), then retry.',
      ],
      fr: [
        'Le moteur HANA a signalé un SSFS incohérent.',
        'Travaillez avec l’équipe SAP HANA (note SAP 0002097613), puis réessayez.',
      ],
    },
    commands: ['show-job-errors'],
    probes: [],
  },
  {
    id: 'hana-no-entra',
    anchor: 'usererrorcannotconnecttoazureactivedirectoryservice',
    title: {
      en: 'The HANA VM cannot reach Microsoft Entra ID (firewall or proxy)',
      fr: 'La VM HANA ne joint pas Microsoft Entra ID (pare-feu ou proxy)',
    },
    action: {
      en: 'Let {vmName} (resource group {vmResourceGroup}), the VM that hosts {itemName}, reach Microsoft Entra ID through its firewall and proxy, then retry in vault {vaultName}.',
      fr: 'Laissez {vmName} (groupe de ressources {vmResourceGroup}), la VM qui héberge {itemName}, joindre Microsoft Entra ID à travers son pare-feu et son proxy, puis réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The extension’s plugin service account cannot open outbound connections to Microsoft Entra ID.',
        'Fix the firewall or proxy settings, then retry.',
      ],
      fr: [
        'Le compte de service du plugin de l’extension ne peut pas ouvrir de connexion sortante vers Microsoft Entra ID.',
        'Corrigez les réglages du pare-feu ou du proxy, puis réessayez.',
      ],
    },
    commands: ['test-entra-linux'],
    probes: [],
  },
  {
    id: 'hana-ca-store',
    anchor: 'usererrormisconfiguredsslcastore',
    title: {
      en: 'The backup plugin cannot read the root CA store',
      fr: 'Le plugin de sauvegarde ne peut pas lire le magasin des autorités racines',
    },
    action: {
      en: 'On {vmName} (resource group {vmResourceGroup}), the VM that hosts {itemName}, give the root CA bundle back its read permission (chmod o+r /var/lib/ca-certificates/ca-bundle.pem on SLES) and restart the plugin host service, then retry in vault {vaultName}.',
      fr: 'Sur {vmName} (groupe de ressources {vmResourceGroup}), la VM qui héberge {itemName}, rendez au magasin des autorités racines son droit de lecture (chmod o+r /var/lib/ca-certificates/ca-bundle.pem sous SLES) et redémarrez le service hôte du plugin, puis réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The plugin host process cannot read /var/lib/ca-certificates/ca-bundle.pem (SLES).',
        'Restore the permission with chmod o+r, then restart the plugin host service.',
      ],
      fr: [
        'Le processus hôte du plugin ne peut pas lire /var/lib/ca-certificates/ca-bundle.pem (SLES).',
        'Rétablissez le droit avec chmod o+r, puis redémarrez le service hôte du plugin.',
      ],
    },
    commands: ['hana-ca-store-perms'],
    probes: [],
  },
  {
    id: 'hana-remedial-running',
    anchor: 'usererrorbackupfailedasremedialbackupinprogress',
    title: {
      en: 'A remedial full backup is running after a log chain break',
      fr: 'Une sauvegarde complète de réparation tourne après une rupture de la chaîne de journaux',
    },
    action: {
      en: 'Wait for the remedial full backup of {itemName} on {vmName} (resource group {vmResourceGroup}) to finish in vault {vaultName} before triggering another backup.',
      fr: 'Attendez la fin de la sauvegarde complète de réparation de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName} avant de déclencher une autre sauvegarde.',
    },
    steps: {
      en: [
        'Azure Backup runs a remedial full backup to heal a broken log chain; backups triggered meanwhile fail.',
        'Wait until it succeeds, then trigger the backup again.',
      ],
      fr: [
        'Azure Backup lance une sauvegarde complète de réparation pour réparer une chaîne de journaux rompue ; les sauvegardes lancées pendant ce temps échouent.',
        'Attendez qu’elle réussisse, puis relancez la sauvegarde.',
      ],
    },
    commands: ['list-item-jobs', 'list-jobs-in-progress'],
    probes: [],
  },
  {
    id: 'hana-autoheal-running',
    anchor: 'operationcancelledbecauseconflictingautohealoperationrunning-usererror',
    title: {
      en: 'An auto-heal full backup is running: log backups wait for it',
      fr: 'Une sauvegarde complète d’auto-réparation tourne : les sauvegardes de journal l’attendent',
    },
    action: {
      en: 'Wait for the auto-heal full backup of {itemName} on {vmName} (resource group {vmResourceGroup}) to finish in vault {vaultName}: log and other backups then work again.',
      fr: 'Attendez la fin de la sauvegarde complète d’auto-réparation de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName} : les sauvegardes de journal et les autres reprennent ensuite.',
    },
    steps: {
      en: [
        'The service runs an auto-heal full backup to resolve UserErrorHANALSNValidationFailure; log backups triggered by HANA fail meanwhile.',
        'Wait for it to complete before triggering a new full or delta backup.',
      ],
      fr: [
        'Le service lance une sauvegarde complète d’auto-réparation pour résoudre UserErrorHANALSNValidationFailure ; les sauvegardes de journal lancées par HANA échouent pendant ce temps.',
        'Attendez sa fin avant de lancer une nouvelle sauvegarde complète ou delta.',
      ],
    },
    commands: ['list-item-jobs', 'list-jobs-in-progress'],
    probes: [],
  },
  {
    id: 'hana-prescript-not-run',
    anchor: 'usererrorhanaprescriptnotrun',
    title: {
      en: 'The SAP HANA pre-registration script was not run',
      fr: 'Le script de pré-inscription SAP HANA n’a pas été lancé',
    },
    action: {
      en: 'Run the pre-registration script (https://aka.ms/scriptforpermsonhana) as root on {vmName} (resource group {vmResourceGroup}), the VM that hosts {itemName}, then configure protection again in vault {vaultName}.',
      fr: 'Lancez le script de pré-inscription (https://aka.ms/scriptforpermsonhana) en root sur {vmName} (groupe de ressources {vmResourceGroup}), la VM qui héberge {itemName}, puis reconfigurez la protection dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The script that prepares the HANA environment for backup has not been run.',
        'Download it from https://aka.ms/scriptforpermsonhana and run it on the HANA instance; its options depend on the system (SID, hdbuserstore key).',
      ],
      fr: [
        'Le script qui prépare l’environnement HANA pour la sauvegarde n’a pas été lancé.',
        'Téléchargez-le depuis https://aka.ms/scriptforpermsonhana et lancez-le sur l’instance HANA ; ses options dépendent du système (SID, clé hdbuserstore).',
      ],
    },
    commands: ['wl-extension-status', 'wl-rediscover'],
    probes: [],
  },
  {
    id: 'hana-target-exists',
    anchor: 'usererrortargetpoexistsoverwritenotspecified',
    title: {
      en: 'The target database exists and overwrite was not chosen',
      fr: 'La base cible existe et l’écrasement n’a pas été choisi',
    },
    action: {
      en: 'Restore {itemName} on {vmName} (resource group {vmResourceGroup}) from vault {vaultName} with force overwrite, or to another target database.',
      fr: 'Restaurez {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) depuis le coffre {vaultName} avec l’écrasement forcé, ou vers une autre base cible.',
    },
    steps: {
      en: [
        'The target database exists and the restore did not ask to overwrite it.',
        'Select force overwrite, or restore to a different database.',
      ],
      fr: [
        'La base cible existe et la restauration n’a pas demandé à l’écraser.',
        'Sélectionnez l’écrasement forcé, ou restaurez vers une autre base.',
      ],
    },
    commands: ['list-recovery-points'],
    probes: [],
  },
  {
    id: 'hana-recoversys',
    anchor: 'usererrorrecoverysysscriptfailedtotriggerrestore',
    title: {
      en: 'recoverSys.py could not restore the system database',
      fr: 'recoverSys.py n’a pas pu restaurer la base système',
    },
    action: {
      en: 'Run HDBsettings.sh as <sid>adm on {vmName} (resource group {vmResourceGroup}) to see why recoverSys.py failed for {itemName}, and share the trace with the SAP HANA team before restoring again from vault {vaultName}.',
      fr: 'Lancez HDBsettings.sh en <sid>adm sur {vmName} (groupe de ressources {vmResourceGroup}) pour voir pourquoi recoverSys.py a échoué pour {itemName}, et transmettez la trace à l’équipe SAP HANA avant de relancer la restauration depuis le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Either recoverSys.py is missing (the HANA environment is not set up), or it could not invoke HANA, or HANA failed the restore.',
        'For the first case, work with the SAP HANA team; otherwise run /usr/sap/<SID>/HDB<nn>/HDBsettings.sh as <sid>adm and read the trace.',
        'Share the findings with the SAP HANA team.',
      ],
      fr: [
        'Soit recoverSys.py manque (l’environnement HANA n’est pas en place), soit il n’a pas pu appeler HANA, soit HANA a échoué la restauration.',
        'Dans le premier cas, travaillez avec l’équipe SAP HANA ; sinon lancez /usr/sap/<SID>/HDB<nn>/HDBsettings.sh en <sid>adm et lisez la trace.',
        'Transmettez les constats à l’équipe SAP HANA.',
      ],
    },
    commands: ['show-job-errors'],
    probes: [],
  },
  {
    id: 'hana-db-name',
    anchor: 'usererrordbnamenotincorrectformat',
    title: {
      en: 'The name given to the restored database is not valid',
      fr: 'Le nom donné à la base restaurée n’est pas valide',
    },
    action: {
      en: 'Restore {itemName} on {vmName} (resource group {vmResourceGroup}) from vault {vaultName} under a name that starts with a letter, holds only letters, digits and underscores, has at most 127 characters and does not begin with _SYS_.',
      fr: 'Restaurez {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) depuis le coffre {vaultName} sous un nom qui commence par une lettre, ne contient que des lettres, des chiffres et des soulignés, compte au plus 127 caractères et ne commence pas par _SYS_.',
    },
    steps: {
      en: [
        'The restored database name must start with a letter and contain only letters, digits and underscores.',
        'It can have at most 127 characters and must not begin with _SYS_.',
      ],
      fr: [
        'Le nom de la base restaurée doit commencer par une lettre et ne contenir que des lettres, des chiffres et des soulignés.',
        'Il compte au plus 127 caractères et ne doit pas commencer par _SYS_.',
      ],
    },
    commands: ['list-recovery-points'],
    probes: [],
  },
  {
    id: 'hana-sidadm-home',
    anchor: 'usererrordefaultsidadmdirectorychanged',
    title: {
      en: 'The <sid>adm home directory changed: HDBsettings.sh is not where restore expects it',
      fr: 'Le répertoire personnel de <sid>adm a changé : HDBsettings.sh n’est pas où la restauration l’attend',
    },
    action: {
      en: 'Set the HOME of the <sid>adm user back to its default on {vmName} (resource group {vmResourceGroup}) (for SID HXE: /usr/sap/HXE/home), then restore {itemName} again from vault {vaultName}.',
      fr: 'Rétablissez le HOME par défaut de l’utilisateur <sid>adm sur {vmName} (groupe de ressources {vmResourceGroup}) (pour le SID HXE : /usr/sap/HXE/home), puis relancez la restauration de {itemName} depuis le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The default <sid>adm directory was changed, and HDBsettings.sh is no longer in it.',
        'Set the environment variable HOME of <sid>adm back (for SID HXE, /usr/sap/HXE/home), then restore again.',
      ],
      fr: [
        'Le répertoire par défaut de <sid>adm a changé, et HDBsettings.sh n’y est plus.',
        'Rétablissez la variable HOME de <sid>adm (pour le SID HXE, /usr/sap/HXE/home), puis relancez la restauration.',
      ],
    },
    commands: ['show-job-errors'],
    probes: [],
  },
  {
    id: 'hana-hdbsettings-missing',
    anchor: 'usererrorhdbsettingsscriptnotfound',
    title: {
      en: 'HDBsettings.sh cannot be found in the <sid>adm environment',
      fr: 'HDBsettings.sh est introuvable dans l’environnement de <sid>adm',
    },
    action: {
      en: 'Work with the SAP HANA team so the <sid>adm environment on {vmName} (resource group {vmResourceGroup}) finds HDBsettings.sh (for SID HXE, HOME=/usr/sap/HXE/home), then restore {itemName} again from vault {vaultName}.',
      fr: 'Travaillez avec l’équipe SAP HANA pour que l’environnement de <sid>adm sur {vmName} (groupe de ressources {vmResourceGroup}) trouve HDBsettings.sh (pour le SID HXE, HOME=/usr/sap/HXE/home), puis relancez la restauration de {itemName} depuis le coffre {vaultName}.',
    },
    steps: {
      en: [
        'The restore of the system database could not find HDBsettings.sh in the <sid>adm environment.',
        'Work with the SAP HANA team; for SID HXE, set HOME to /usr/sap/HXE/home for <sid>adm.',
      ],
      fr: [
        'La restauration de la base système n’a pas trouvé HDBsettings.sh dans l’environnement de <sid>adm.',
        'Travaillez avec l’équipe SAP HANA ; pour le SID HXE, mettez HOME à /usr/sap/HXE/home pour <sid>adm.',
      ],
    },
    commands: ['show-job-errors'],
    probes: [],
  },
  {
    id: 'hana-disk-full',
    anchor: 'usererrorinsufficientspaceonsystemdriveforextensionmetadata',
    title: {
      en: 'The HANA machine is (almost) out of disk space',
      fr: 'La machine HANA manque (presque) d’espace disque',
    },
    action: {
      en: 'Free disk space on {vmName} (resource group {vmResourceGroup}), the VM that hosts {itemName}, then retry in vault {vaultName}.',
      fr: 'Libérez de l’espace disque sur {vmName} (groupe de ressources {vmResourceGroup}), la VM qui héberge {itemName}, puis réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Configure backup, backup and restore need free space on the HANA machine for the extension’s metadata.',
        'Check the disk space and free some, then retry.',
      ],
      fr: [
        'La configuration, la sauvegarde et la restauration ont besoin d’espace libre sur la machine HANA pour les métadonnées de l’extension.',
        'Vérifiez l’espace disque et libérez-en, puis réessayez.',
      ],
    },
    commands: ['hana-disk-space'],
    probes: [],
  },
  {
    id: 'hana-backint-exec',
    anchor: 'usererrorinvalidbackint',
    title: {
      en: 'The hdbbackint executable is invalid: no room at its new path, or wrong permissions',
      fr: 'L’exécutable hdbbackint n’est pas valide : pas de place à son nouveau chemin, ou mauvais droits',
    },
    action: {
      en: 'On {vmName} (resource group {vmResourceGroup}), the VM that hosts {itemName}, free space under /usr/sap/<sid>/SYS/global/hdb/opt and give hdbbackint mode 755 for the sapsys group, then retry in vault {vaultName}.',
      fr: 'Sur {vmName} (groupe de ressources {vmResourceGroup}), la VM qui héberge {itemName}, libérez de l’espace sous /usr/sap/<sid>/SYS/global/hdb/opt et donnez à hdbbackint le mode 755 pour le groupe sapsys, puis réessayez dans le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Moving Backint from /opt/msawb/bin to /usr/sap/<sid>/SYS/global/hdb/opt/hdbbackint failed for lack of space, or hdbbackint lacks execute permission or the right owner.',
        'Free space at the new path.',
        'Run chmod 755 on hdbbackint so the sapsys group can run it.',
      ],
      fr: [
        'Le déplacement de Backint de /opt/msawb/bin vers /usr/sap/<sid>/SYS/global/hdb/opt/hdbbackint a échoué faute de place, ou hdbbackint n’a pas le droit d’exécution ou le bon propriétaire.',
        'Libérez de l’espace au nouveau chemin.',
        'Lancez chmod 755 sur hdbbackint pour que le groupe sapsys puisse l’exécuter.',
      ],
    },
    commands: ['hana-backint-path'],
    probes: [],
  },
  {
    id: 'hana-query-failed',
    anchor: 'usererrorhanasqlqueryfailed',
    title: {
      en: 'A query on the HANA server failed (disk, memory, too many databases, topology)',
      fr: 'Une requête sur le serveur HANA a échoué (disque, mémoire, trop de bases, topologie)',
    },
    action: {
      en: 'Read the job’s error details for {itemName} on {vmName} (resource group {vmResourceGroup}) in vault {vaultName} and work with the SAP HANA team on the cause; contact Microsoft Support if it persists.',
      fr: 'Lisez le détail d’erreur du travail pour {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName} et traitez la cause avec l’équipe SAP HANA ; contactez le support Microsoft si cela persiste.',
    },
    steps: {
      en: [
        'The failure comes from the HANA side: disk corruption, memory allocation, too many databases in use, or a topology update.',
        'The additional details of the job give HANA’s message; work with the SAP HANA team.',
      ],
      fr: [
        'L’échec vient du côté HANA : corruption de disque, allocation mémoire, trop de bases utilisées, ou mise à jour de topologie.',
        'Les détails supplémentaires du travail donnent le message de HANA ; travaillez avec l’équipe SAP HANA.',
      ],
    },
    commands: ['show-job-errors'],
    probes: [],
  },
  {
    id: 'hana-target-dir',
    anchor: 'usererrorrestoretargetdirectoriesabsent',
    title: {
      en: 'The directory chosen for a restore as files does not exist on the target',
      fr: 'Le répertoire choisi pour une restauration en fichiers n’existe pas sur la cible',
    },
    action: {
      en: 'Choose a directory that exists and is reachable on the target server, and the right target server, then restore {itemName} on {vmName} (resource group {vmResourceGroup}) again from vault {vaultName}.',
      fr: 'Choisissez un répertoire qui existe et est accessible sur le serveur cible, et le bon serveur cible, puis relancez la restauration de {itemName} sur {vmName} (groupe de ressources {vmResourceGroup}) depuis le coffre {vaultName}.',
    },
    steps: {
      en: [
        'Restore as files needs the directory to exist and be reachable on the target server.',
        'Check the directory and the target server chosen, then restore again.',
      ],
      fr: [
        'La restauration en fichiers exige que le répertoire existe et soit accessible sur le serveur cible.',
        'Vérifiez le répertoire et le serveur cible choisis, puis relancez la restauration.',
      ],
    },
    commands: ['show-job-errors'],
    probes: [],
  },
  {
    id: 'wl-extension-upgrade',
    anchor: 'jobcancelledonextensionupgrade',
    title: {
      en: 'The job was cancelled because the workload extension restarted for an upgrade',
      fr: 'Le travail a été annulé car l’extension de charge de travail a redémarré pour une mise à niveau',
    },
    action: {
      en: 'Wait for the extension upgrade on {vmName} (resource group {vmResourceGroup}) to finish, then trigger the full or differential backup of {itemName} again in vault {vaultName} (log backups are re-triggered by HANA).',
      fr: 'Attendez la fin de la mise à niveau de l’extension sur {vmName} (groupe de ressources {vmResourceGroup}), puis relancez la sauvegarde complète ou différentielle de {itemName} dans le coffre {vaultName} (HANA relance les sauvegardes de journal).',
    },
    steps: {
      en: [
        'An automatic extension upgrade restarted the service during the job.',
        'HANA re-triggers failed log backups; failed full, differential or incremental backups must be triggered again by hand.',
      ],
      fr: [
        'Une mise à niveau automatique de l’extension a redémarré le service pendant le travail.',
        'HANA relance les sauvegardes de journal échouées ; les sauvegardes complètes, différentielles ou incrémentielles échouées doivent être relancées à la main.',
      ],
    },
    commands: ['list-item-jobs', 'backup-now'],
    probes: [],
  },
];
