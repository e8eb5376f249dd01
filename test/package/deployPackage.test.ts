import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LoadReport } from '../../scripts/loadFunctionApp.js';
import { azdZipContents, copyFiles } from '../helpers/azdPackage.js';
import { appSettingValues, INFRA } from '../helpers/bicep.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
};
const mainBicep = readFileSync(join(INFRA, 'main.bicep'), 'utf8');
const literalVar = (name: string) => new RegExp(`^var ${name} = '([^']+)'`, 'm').exec(mainBicep)![1]!;

/** Values for the parameters of function.bicep, as main.bicep passes them for a deployment with every option on. */
const PARAMS: Record<string, string> = {
  storageAccountName: 'stq7k2m4x9p3r5tz',
  storageTableEndpoint: 'https://stq7k2m4x9p3r5tz.table.core.windows.net/',
  tenantId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  identityClientId: '7e3c1f0a-2b4d-4c6e-8f10-1a2b3c4d5e6f',
  eventHubsNamespaceHost: 'evhns-q7k2m4x9p3r5tz.servicebus.windows.net',
  // Vaults in a second region: a namespace there, and a trigger on it.
  extraEventHubs: JSON.stringify([
    { region: 'northeurope', host: 'evhns-q7k2m4x9p3r5tz-northeurope.servicebus.windows.net' },
  ]),
  eventHubName: literalVar('eventHubName'),
  consumerGroupName: literalVar('consumerGroupName'),
  outputEventHubName: literalVar('outputEventHubName'),
  appInsightsConnectionString:
    'InstrumentationKey=5b1e6c8a-3f2d-4e7b-9a0c-1d2e3f4a5b6c;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
  triageLang: 'fr',
  webhookFormat: 'teams',
  notifyMinPriority: 'P3',
  digestSchedule: /param digestSchedule string = '([^']+)'/.exec(mainBicep)![1]!,
  digestTo: 'backup-team@contoso.com',
  digestFrom: 'DoNotReply@contoso.com',
  smtpHost: 'smtp.azurecomm.net',
  smtpUser: 'acs-backup-triage',
  workspaceCustomerId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
  backupManagementServiceObjectId: '2b9d4e6f-8a1c-4d3e-b5f7-091a2b3c4d5e',
};
/** The Key Vault references, as the platform resolves them. */
const SECRETS: Record<string, string> = {
  'webhook-url': 'https://prod-12.westeurope.logic.azure.com:443/workflows/0a1b2c/triggers/manual/paths/invoke?sig=abc',
  'webhook-secret': `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
  'smtp-password': 'resolved-from-key-vault',
};
const SETTINGS = appSettingValues(readFileSync(join(INFRA, 'app/function.bicep'), 'utf8'), PARAMS, SECRETS);

let work: string;
let packageDir: string;
let bytes: number;
let fileCount: number;
let report: LoadReport;

beforeAll(() => {
  const builder = join(ROOT, 'dist/scripts/buildPackage.js');
  const loader = join(ROOT, 'dist/scripts/loadFunctionApp.js');
  if (!existsSync(builder) || !existsSync(loader)) throw new Error('dist/ is missing: run "npm run build" first.');
  work = mkdtempSync(join(tmpdir(), 'azd-package-'));
  // As azd does: the prepackage hook builds the folder, azd zips it without what .funcignore names.
  execFileSync(process.execPath, [builder, join(work, 'deploy')], { stdio: 'ignore' });
  const files = azdZipContents(join(work, 'deploy'));
  packageDir = join(work, 'wwwroot');
  fileCount = files.length;
  bytes = copyFiles(join(work, 'deploy'), packageDir, files).bytes;
  // The worker's part, from a folder of its own: nothing may resolve from this repository.
  mkdirSync(join(work, 'worker'));
  copyFileSync(loader, join(work, 'worker/loadFunctionApp.mjs'));
  const stdout = execFileSync(process.execPath, [join(work, 'worker/loadFunctionApp.mjs'), packageDir], {
    cwd: packageDir,
    env: { ...SETTINGS, FUNCTIONS_WORKER_RUNTIME: 'node', NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  report = JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadReport;
  console.info(
    `Deployment package: ${(bytes / 1e6).toFixed(1)} MB in ${fileCount} files; cold start (import of ${report.main}): ${report.totalMs.toFixed(0)} ms`,
  );
}, 240_000);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

describe('the deployment package, built as azd builds it and loaded as the Node.js worker loads it', () => {
  it('holds every file that package.json main names, and each registers its functions', () => {
    expect(report.main).toBe(manifest.main);
    expect(report.files.map((f) => f.file)).toEqual([
      'dist/functions/backupFailures.js',
      'dist/functions/dailyDigest.js',
      'dist/functions/dashboard.js',
      'dist/functions/redeliver.js',
    ]);
    for (const file of report.files) {
      expect(file.error, file.file).toBeUndefined();
      expect(file.functions.length, file.file).toBeGreaterThan(0);
    }
    const triggers = Object.fromEntries(
      report.files.flatMap((f) =>
        f.functions.map((fn) => [fn.name, Object.values(fn.bindings).find((b) => /Trigger$/.test(String(b['type'])))]),
      ),
    );
    expect(Object.keys(triggers).sort()).toEqual(
      [
        'backupFailures',
        'backupFailures-northeurope',
        'dailyDigest',
        'dashboardAssets',
        'dashboardPage',
        'eventDetails',
        'events',
        'findingDetails',
        'findings',
        'redeliver',
        'summary',
      ].sort(),
    );
    expect(triggers['backupFailures']).toMatchObject({ type: 'eventHubTrigger', connection: 'EventHubConnection' });
    expect(triggers['backupFailures-northeurope']).toMatchObject({
      type: 'eventHubTrigger',
      cardinality: 'many',
      connection: 'EventHubConnection_northeurope',
    });
    expect(triggers['dailyDigest']).toMatchObject({ type: 'timerTrigger' });
    // Sign-in with Microsoft Entra ID in front (every option on): the routes take no key.
    expect(SETTINGS['DASHBOARD_AUTH']).toBe('entra');
    expect(triggers['events']).toMatchObject({ type: 'httpTrigger', authLevel: 'anonymous' });
  });

  it('binds only to app settings that the infrastructure sets', () => {
    expect(report.files.flatMap((f) => f.functions).length).toBe(11);
    for (const file of report.files)
      for (const fn of file.functions)
        for (const binding of Object.values(fn.bindings)) {
          for (const value of Object.values(binding).filter((v): v is string => typeof v === 'string'))
            for (const [, name] of value.matchAll(/%(\w+)%/g))
              expect(SETTINGS, `${fn.name}: %${name}%`).toHaveProperty(name!);
          const connection = binding['connection'];
          if (typeof connection === 'string')
            expect(SETTINGS, `${fn.name}: connection ${connection}`).toHaveProperty(
              `${connection}__fullyQualifiedNamespace`,
            );
        }
  });

  it('holds the production dependencies, each loadable, and no development one', () => {
    expect(report.dependencies.filter((d) => d.error !== undefined)).toEqual([]);
    expect(report.dependencies.map((d) => d.name).sort()).toEqual(Object.keys(manifest.dependencies).sort());
    // package-lock.json marks what only development needs ("dev": true).
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const devOnly = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && entry.dev === true);
    expect(devOnly.map(([path]) => path)).toEqual(
      expect.arrayContaining(['node_modules/typescript', 'node_modules/vitest']),
    );
    expect(devOnly.filter(([path]) => existsSync(join(packageDir, path))).map(([path]) => path)).toEqual([]);
    expect(existsSync(join(packageDir, 'static/dashboard.html'))).toBe(true);
    expect(existsSync(join(packageDir, 'host.json'))).toBe(true);
    expect(existsSync(join(packageDir, 'src'))).toBe(false);
    expect(existsSync(join(packageDir, 'test'))).toBe(false);
    expect(bytes).toBeGreaterThan(0);
  });
});
