/**
 * App settings as infra/app/function.bicep sets them for a deployment with a webhook and the
 * digest (Key Vault references already resolved by the platform).
 */
export const DEPLOYED_ENV: Readonly<Record<string, string>> = {
  AzureWebJobsStorage__accountName: 'stabc123def456',
  AzureWebJobsStorage__credential: 'managedidentity',
  AzureWebJobsStorage__clientId: '7e3c1f0a-2b4d-4c6e-8f10-1a2b3c4d5e6f',
  EventHubConnection__fullyQualifiedNamespace: 'evhns-abc123def456.servicebus.windows.net',
  EventHubConnection__credential: 'managedidentity',
  EventHubConnection__clientId: '7e3c1f0a-2b4d-4c6e-8f10-1a2b3c4d5e6f',
  EVENTHUB_NAME: 'backup-jobs',
  EVENTHUB_CONSUMER_GROUP: 'backup-triage',
  APPLICATIONINSIGHTS_CONNECTION_STRING:
    'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=7e3c1f0a-2b4d-4c6e-8f10-1a2b3c4d5e6f;Authorization=AAD',
  AZURE_CLIENT_ID: '7e3c1f0a-2b4d-4c6e-8f10-1a2b3c4d5e6f',
  TRIAGE_LANG: 'en',
  LOOKUPS_ENABLED: 'true',
  WEBHOOK_FORMAT: 'teams',
  NOTIFY_MIN_PRIORITY: 'P3',
  DIGEST_SCHEDULE: '0 0 6 * * *',
  RETENTION_DAYS: '90',
  WEBHOOK_URL:
    'https://prod-12.westeurope.logic.azure.com:443/workflows/0a1b2c/triggers/manual/paths/invoke?api-version=2016-06-01&sig=abc',
  DIGEST_TO: 'backup-team@contoso.com',
  DIGEST_FROM: 'DoNotReply@contoso.com',
  SMTP_HOST: 'smtp.azurecomm.net',
  SMTP_PORT: '587',
  SMTP_USER: 'acs-backup-triage',
  SMTP_PASSWORD: 'resolved-from-key-vault',
};

/** The settings the host requires, stubbed before a `functions/*` module loads (it checks them at load). */
export const HOST_SETTINGS: Readonly<Record<string, string>> = {
  EVENTHUB_NAME: 'backup-jobs',
  EventHubConnection__fullyQualifiedNamespace: 'evhns-backup.servicebus.windows.net',
  DIGEST_SCHEDULE: '0 0 6 * * *',
};
