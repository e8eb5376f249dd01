import { existsSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { SETTINGS } from '../../src/config/settings.js';
import {
  appSettingKeys,
  bicepFiles,
  code,
  INFRA,
  literalSettings,
  modules,
  outputs,
  params,
  resources,
} from '../helpers/bicep.js';

const files = bicepFiles();
const byPath = new Map(files.map((file) => [file.path, file.text]));
const functionBicep = byPath.get('app/function.bicep')!;
const mainBicep = byPath.get('main.bicep')!;
const settingNames = new Set(SETTINGS.map((spec) => spec.name));

/** Built-in roles by id, as Azure names them: every assignment must use one of these, named. */
const ROLES: Record<string, string> = {
  'a638d3c7-ab3a-418d-83e6-5f17a39d4fde': 'Azure Event Hubs Data Receiver',
  '2b629674-e913-4c01-ae53-ef4638d8f975': 'Azure Event Hubs Data Sender',
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b': 'Storage Blob Data Owner',
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3': 'Storage Table Data Contributor',
  '76199698-9eea-4c19-bc75-cec21354c6b6': 'Storage Table Data Reader',
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'Reader',
  '73c42c96-874c-492b-b04d-ab87d138a893': 'Log Analytics Reader',
  'a795c7a0-d4a2-40c1-ae25-d81f01202912': 'Backup Reader',
  '4633458b-17de-408a-b874-0445c86b69e6': 'Key Vault Secrets User',
  '3913510d-42f4-4e42-8a64-420c390055eb': 'Monitoring Metrics Publisher',
};

describe('the configuration contract between the Bicep and the code', () => {
  const { all, unconditional } = appSettingKeys(functionBicep);

  it('sets only settings the app reads', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter((name) => !settingNames.has(name))).toEqual([]);
  });

  it('always sets every setting the app requires at start-up', () => {
    const required = [
      ...SETTINGS.filter((spec) => spec.required).map((spec) => spec.name),
      'AzureWebJobsStorage__accountName',
    ];
    expect(required.filter((name) => !unconditional.includes(name))).toEqual([]);
  });

  it("sets a setting's partners whenever it sets the setting", () => {
    for (const spec of SETTINGS.filter((s) => all.includes(s.name) && s.requires !== undefined)) {
      for (const partner of spec.requires!) {
        // SMTP_PASSWORD is optional in the Bicep: the start-up check then says it is missing.
        if (partner === 'SMTP_PASSWORD') continue;
        expect(all, `${spec.name} needs ${partner}`).toContain(partner);
      }
    }
  });

  it('gives literal values the start-up check accepts', () => {
    const literals = literalSettings(functionBicep);
    expect(Object.keys(literals).length).toBeGreaterThan(4);
    for (const [name, value] of Object.entries(literals)) {
      expect(SETTINGS.find((spec) => spec.name === name)?.check?.(value), `${name}=${value}`).toBeUndefined();
    }
  });

  it('offers, as parameters, only values the start-up check accepts', () => {
    const allowed = (param: string) => {
      const m = new RegExp(`@allowed\\(\\[([^\\]]*)\\]\\)\\s*\\n(?:@[^\\n]*\\n)*param ${param} `).exec(mainBicep);
      return [...(m?.[1] ?? '').matchAll(/'([^']*)'/g)].map((x) => x[1]!);
    };
    const checks: Array<[string, string]> = [
      ['webhookFormat', 'WEBHOOK_FORMAT'],
      ['triageLang', 'TRIAGE_LANG'],
      ['notifyMinPriority', 'NOTIFY_MIN_PRIORITY'],
    ];
    for (const [param, setting] of checks) {
      const values = allowed(param);
      expect(values.length, param).toBeGreaterThan(1);
      for (const value of values)
        expect(SETTINGS.find((spec) => spec.name === setting)!.check!(value), `${param}=${value}`).toBeUndefined();
    }
    const schedule = /param digestSchedule string = '([^']+)'/.exec(mainBicep)![1]!;
    expect(SETTINGS.find((spec) => spec.name === 'DIGEST_SCHEDULE')!.check!(schedule)).toBeUndefined();
  });

  it('keeps secrets in Key Vault: secret settings are Key Vault references, never values', () => {
    const region = code(
      functionBicep.slice(functionBicep.indexOf('// app-settings:start'), functionBicep.indexOf('// app-settings:end')),
    );
    for (const spec of SETTINGS.filter((s) => s.secret && all.includes(s.name))) {
      expect(region, spec.name).toMatch(new RegExp(`${spec.name}: keyVaultReference\\(`));
    }
  });

  it('names the outputs of main.bicep like the settings they feed', () => {
    const azd = /^(AZURE_|SERVICE_)/;
    const own = ['KEY_VAULT_NAME', 'DIAGNOSTICS_CONNECTED_VAULTS'];
    for (const { name } of outputs(mainBicep)) {
      if (azd.test(name) || own.includes(name)) continue;
      expect(settingNames.has(name), name).toBe(true);
    }
  });
});

describe('the Bicep, checked as a linter would', () => {
  it.each(files.map((file) => file.path))('%s: every resource has an api-version', (path) => {
    const list = resources(byPath.get(path)!);
    expect(list.length).toBeGreaterThan(0);
    for (const resource of list)
      expect(resource.type, resource.symbol).toMatch(/^[A-Za-z.]+\/[\w/]+@\d{4}-\d{2}-\d{2}(-preview)?$/);
  });

  it.each(files.map((file) => file.path))('%s: no keys, no connection strings, no secrets in outputs', (path) => {
    const text = code(byPath.get(path)!);
    expect(text).not.toMatch(
      /listKeys\(|listConnectionStrings\(|listAuthorizationRules|AccountKey=|SharedAccessKey=|primaryKey|secondaryKey/,
    );
    const secure = params(byPath.get(path)!)
      .filter((p) => p.secure)
      .map((p) => p.name);
    for (const output of outputs(byPath.get(path)!)) {
      for (const name of secure)
        expect(output.expression, `${output.name} reveals ${name}`).not.toMatch(new RegExp(`\\b${name}\\b`));
      expect(output.name, output.name).not.toMatch(/secret|password|key$/i);
    }
  });

  it('turns local authentication off wherever the service allows it', () => {
    const all = files.map((file) => code(file.text)).join('\n');
    expect(code(byPath.get('app/storage.bicep')!)).toMatch(/allowSharedKeyAccess: false/);
    expect(code(byPath.get('app/monitoring.bicep')!)).toMatch(/DisableLocalAuth: true/);
    expect(code(byPath.get('app/monitoring.bicep')!)).toMatch(/features: \{ disableLocalAuth: true \}/);
    expect(code(byPath.get('app/keyvault.bicep')!)).toMatch(/enableRbacAuthorization: true/);
    // Event Hubs: off unless Azure Monitor must deliver the vaults' logs (it only can with a SAS rule).
    expect(code(byPath.get('app/eventhubs.bicep')!)).toMatch(/disableLocalAuth: !diagnosticsNeedSharedAccess/);
    expect(code(byPath.get('app/eventhubs.bicep')!)).toMatch(/rights: \['Send'\]/);
    expect(all).not.toMatch(/rights: \[[^\]]*(Listen|Manage)/);
    expect(code(functionBicep)).toMatch(/allow: false/);
    expect(code(functionBicep)).toMatch(/httpsOnly: true/);
  });

  it('assigns only named built-in roles, each with a comment saying why', () => {
    const used = new Set<string>();
    for (const { path, text } of files) {
      const assignments = [
        ...code(text).matchAll(
          /roleDefinitionId: subscriptionResourceId\('Microsoft\.Authorization\/roleDefinitions', (\w+)\)/g,
        ),
      ].map((m) => m[1]!);
      for (const variable of assignments) {
        const declared = new RegExp(`// ([^:\\n]+):[^\\n]*\\nvar ${variable} = '([0-9a-f-]{36})'`).exec(text);
        expect(declared, `${path}: ${variable}`).not.toBeNull();
        const [, comment, id] = declared!;
        expect(ROLES[id!], `${path}: ${id}`).toBe(comment);
        used.add(ROLES[id!]!);
      }
      expect(code(text).match(/Microsoft\.Authorization\/roleAssignments@/g)?.length ?? 0, path).toBe(
        assignments.length,
      );
    }
    expect([...used].sort()).toEqual(Object.values(ROLES).sort());
  });

  it.each(files.map((file) => file.path))('%s: modules exist and receive exactly their parameters', (path) => {
    for (const module of modules(byPath.get(path)!)) {
      const target = `${INFRA}${path.includes('/') ? 'app/' : ''}${module.path}`;
      expect(existsSync(target), module.path).toBe(true);
      const declared = params(readFileSync(target, 'utf8'));
      expect(
        module.params.filter((name) => !declared.some((p) => p.name === name)),
        `${module.symbol}: unknown parameters`,
      ).toEqual([]);
      expect(
        declared.filter((p) => !p.hasDefault && !module.params.includes(p.name)).map((p) => p.name),
        `${module.symbol}: missing parameters`,
      ).toEqual([]);
    }
  });

  it('streams both resource-specific categories of every given vault, and nothing legacy', () => {
    const diagnostics = code(byPath.get('app/vault-diagnostics.bicep')!);
    expect(diagnostics).toMatch(/category: 'AddonAzureBackupJobs', enabled: true/);
    expect(diagnostics).toMatch(/category: 'CoreAzureBackup', enabled: true/);
    expect(diagnostics).not.toMatch(/AzureBackupReport/);
    expect(code(mainBicep)).toMatch(
      /module vaultDiagnostics 'app\/vault-diagnostics\.bicep' = \[\s*for vault in \(diagnosticsNeedSharedAccess \? vaults : \[\]\):/,
    );
  });

  it('runs Node 22 on Flex Consumption with the user-assigned identity', () => {
    const fn = code(functionBicep);
    expect(fn).toMatch(/sku: \{ name: 'FC1', tier: 'FlexConsumption' \}/);
    expect(fn).toMatch(/runtime: \{ name: 'node', version: '22' \}/);
    expect(fn).toMatch(/type: 'UserAssigned'/);
    expect(fn).toMatch(/keyVaultReferenceIdentity: identityId/);
    expect(fn).toMatch(/authentication: \{ type: 'UserAssignedIdentity'/);
  });

  it('lets every parameter of main.bicep be set from the azd environment (main.parameters.json)', () => {
    const parameters = JSON.parse(readFileSync(`${INFRA}main.parameters.json`, 'utf8')) as {
      parameters: Record<string, { value: string }>;
    };
    expect(
      params(mainBicep)
        .filter((p) => !(p.name in parameters.parameters))
        .map((p) => p.name),
    ).toEqual([]);
    // Defaults in main.parameters.json are those of main.bicep, so an unset variable changes nothing.
    for (const p of params(mainBicep)) {
      const fallback = /^\$\{\w+=(.*)\}$/.exec(parameters.parameters[p.name]!.value)?.[1];
      const declared = new RegExp(`^param ${p.name} \\w+ = '?([^'\\n]*)'?$`, 'm').exec(mainBicep)?.[1];
      if (fallback !== undefined && declared !== undefined) expect(fallback, p.name).toBe(declared);
    }
  });

  it('takes from azd only parameters main.bicep declares', () => {
    const parameters = JSON.parse(readFileSync(`${INFRA}main.parameters.json`, 'utf8')) as {
      parameters: Record<string, unknown>;
    };
    const declared = params(mainBicep);
    expect(Object.keys(parameters.parameters).filter((name) => !declared.some((p) => p.name === name))).toEqual([]);
    expect(
      declared
        .filter((p) => !p.hasDefault)
        .map((p) => p.name)
        .filter((name) => !(name in parameters.parameters)),
    ).toEqual([]);
  });
});

describe('the Bicep, against the deployment faults found in review', () => {
  const main = code(mainBicep);
  const fn = code(functionBicep);

  it('creates the site after its identity holds its roles, so that its Key Vault references resolve', () => {
    // "Access vaults with a user-assigned identity": grant the identity access in advance.
    expect(main).toMatch(
      /module function 'app\/function\.bicep' = \{\s*name: 'function'\s*scope: rg\s*dependsOn: \[rbac\]/,
    );
    expect(code(byPath.get('app/rbac.bicep')!)).toMatch(/scope: vault[\s\S]*keyVaultSecretsUser/);
  });

  it('gives every region of the vaults its own namespace, and each vault the hub of its region', () => {
    expect(main).toMatch(/var regions = union\(\[location\], /);
    expect(main).toMatch(/module eventHubs 'app\/eventhubs\.bicep' = \[\s*for \(region, i\) in regions: \{/);
    expect(main).toMatch(/\n\s+location: region\n/);
    const diagnostics = code(byPath.get('app/vault-diagnostics.bicep')!);
    expect(diagnostics).toMatch(/var regionIndex = indexOf\(regions, vault\.location\)/);
    expect(diagnostics).toMatch(/eventHubAuthorizationRuleId: regionIndex < 0 \? missing : ruleIds\[/);
    // A vault in a region without a namespace fails naming the vault, its region and those of the hubs.
    expect(diagnostics).toMatch(
      /var missing = .*vault-\$\{vaultName\}-is-in-\$\{vault\.location\}-but-the-event-hubs-are-in-\$\{join\(regions/,
    );
    // The app reads every regional hub: a receiver role per hub, a trigger connection per other region.
    expect(code(byPath.get('app/eventhubs.bicep')!)).toMatch(/resource hubReceiver [\s\S]*scope: hub/);
    expect(fn).toMatch(/'EventHubConnection_\$\{hub\.region\}__fullyQualifiedNamespace': hub\.host/);
    expect(fn).toMatch(/EVENTHUB_REGIONS: join\(map\(extraEventHubs, hub => hub\.region\), ','\)/);
  });

  it("names what lives outside the environment's resource group after the environment", () => {
    expect(main).toMatch(/var diagnosticSettingName = 'backup-triage-\$\{environmentName\}'/);
    expect(code(byPath.get('app/vault-diagnostics.bicep')!)).toMatch(/name: settingName\n\s*scope: vault/);
    const outside = [
      ...main.matchAll(
        /^module (\w+) '[^']+' = (?:\[\s*for [^\n]+|if \([^\n]+\) )?\{?\s*name: ([^\n]+)\n\s*scope: ([^\n]+)/gm,
      ),
    ]
      .filter((m) => m[3]!.trim() !== 'rg')
      .map((m) => [m[1]!, m[2]!]);
    expect(outside.map(([symbol]) => symbol).sort()).toEqual(
      ['resourceGroupReaders', 'subscriptionReaders', 'vaultDiagnostics', 'workspace'].sort(),
    );
    for (const [symbol, name] of outside) expect(name, symbol).toMatch(/token/);
  });

  it('keeps the key vault name free after azd down unless purge protection is asked for', () => {
    const vault = code(byPath.get('app/keyvault.bicep')!);
    expect(vault).toMatch(/enablePurgeProtection: purgeProtection \? true : null/);
    expect(vault).toMatch(/softDeleteRetentionInDays: 7/);
    expect(main).toMatch(/param keyVaultPurgeProtection bool = false/);
    expect(main).toMatch(/name: empty\(keyVaultName\) \? 'kv-\$\{token\}' : keyVaultName/);
  });

  it('lets Azure Monitor only send, to a hub it names', () => {
    // Send suffices when the setting names the hub (the service asks for Manage|Send|Listen only without one).
    expect(code(byPath.get('app/vault-diagnostics.bicep')!)).toMatch(/eventHubName: eventHubName/);
    expect(code(byPath.get('app/eventhubs.bicep')!)).toMatch(
      /name: 'azure-monitor-send'\s*properties: \{ rights: \['Send'\] \}/,
    );
  });

  it("takes host names from the cloud it deploys to, never the public cloud's suffixes", () => {
    for (const { path, text } of files)
      expect(code(text), path).not.toMatch(/servicebus\.windows\.net|core\.windows\.net|login\.microsoftonline\.com/);
    expect(code(byPath.get('app/eventhubs.bicep')!)).toMatch(/namespace\.properties\.serviceBusEndpoint/);
    expect(code(byPath.get('app/storage.bicep')!)).toMatch(/storage\.properties\.primaryEndpoints\.table/);
    expect(fn).toMatch(/environment\(\)\.authentication\.loginEndpoint/);
  });

  it('puts Microsoft Entra ID sign-in in front of the dashboard when an app registration is given', () => {
    expect(fn).toMatch(
      /resource authentication 'Microsoft\.Web\/sites\/config@[\d-]+' = if \(!empty\(dashboardEntraClientId\)\)/,
    );
    expect(fn).toMatch(/name: 'authsettingsV2'/);
    expect(fn).toMatch(/requireAuthentication: true/);
    expect(fn).toMatch(/unauthenticatedClientAction: 'RedirectToLoginPage'/);
    expect(fn).toMatch(/clientSecretSettingName: 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID'/);
    expect(fn).toMatch(
      /var dashboardSettings = empty\(dashboardEntraClientId\) \? \{\} : \{\s*DASHBOARD_AUTH: 'entra'/,
    );
  });
});
