import type { Placeholder } from '../catalog/index.js';

/** Values for the `{placeholders}` of messages and commands; absent when not known. */
export type TemplateValues = Partial<Record<Placeholder, string>>;

/** The shell a command is written for: its quoting rules differ. */
export type Shell = 'azure-cli' | 'powershell';

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
const BARE_SAFE = /^[A-Za-z0-9._-]+$/;
const RESOURCE_GROUP = /^(?!-)[A-Za-z0-9_().-]{0,89}[A-Za-z0-9_()-]$/;

/**
 * What each name may be before it is placed in a command: the resource type's own naming rules
 * ("Naming rules and restrictions for Azure resources", MicrosoftDocs/azure-docs
 * articles/azure-resource-manager/management/resource-name-rules.md at 849e815), as ASCII
 * allow-lists. Resource groups may also hold Unicode letters; such a name, like anything outside
 * these lists, keeps its `<placeholder>` and the command is marked incomplete. A leading hyphen is
 * refused everywhere: a CLI would read the name as an option.
 */
const NAMING_RULES: Record<Placeholder, RegExp> = {
  // Microsoft.Compute/virtualMachines: 1-64; none of \/"[]:|<>+=;,?*@&; no leading underscore;
  // no trailing period or hyphen.
  vmName: /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9_])?$/,
  // Microsoft.Resources/resourcegroups: 1-90; alphanumerics, underscores, parentheses, hyphens,
  // periods; no trailing period.
  vmResourceGroup: RESOURCE_GROUP,
  vaultResourceGroup: RESOURCE_GROUP,
  rpResourceGroup: RESOURCE_GROUP,
  // Microsoft.RecoveryServices/vaults: 2-50; alphanumerics and hyphens; starts with a letter.
  vaultName: /^[A-Za-z][A-Za-z0-9-]{1,49}$/,
  // Microsoft.KeyVault/vaults: 3-24; alphanumerics and hyphens; starts with a letter, ends with a
  // letter or digit; no "--".
  keyVaultName: /^(?!.*--)[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$/,
  // Microsoft.Authorization/locks: 1-90; alphanumerics, periods, underscores, hyphens, parentheses; no trailing period.
  lockName: /^(?!-)[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-]$/,
  // VM extension names (VMSnapshot, VMSnapshotLinux, Publisher.Type names).
  snapshotExtensionName: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
  subscriptionId: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  region: /^[a-z0-9]{1,40}$/i,
  jobId: /^[A-Za-z0-9-]{1,80}$/,
  vmResourceId:
    /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[A-Za-z0-9._-]{1,90}\/providers\/Microsoft\.Compute\/virtualMachines\/[A-Za-z0-9._-]{1,64}$/i,
  // Microsoft.KeyVault/vaults id: its resource group and name under the rules above.
  keyVaultId:
    /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[A-Za-z0-9._()-]{1,90}\/providers\/Microsoft\.KeyVault\/vaults\/[A-Za-z0-9-]{3,24}$/i,
  // Backup containers (Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers):
  // `iaasvmcontainerv2;<rg>;<vm>`, `VMAppContainer;Compute;<rg>;<vm>`, or a storage account's name;
  // segments follow the resource group and VM rules above.
  containerName: /^[A-Za-z0-9](?:[A-Za-z0-9;._()-]{0,298}[A-Za-z0-9_)])?$/,
  // Protected items (…/protectionContainers/<c>/protectedItems): `SQLDataBase;<instance>;<db>`,
  // `SAPHanaDatabase;<sid>;<db>`, or a file share's name (3-63 lowercase letters, digits, hyphens).
  itemName: /^[A-Za-z0-9](?:[A-Za-z0-9;._$()-]{0,298}[A-Za-z0-9_)$])?$/,
  // The workload types both the CLI and PowerShell accept for a database in a VM.
  workloadType: /^(?:MSSQL|SAPHanaDatabase|SAPAseDatabase)$/,
  // --retain-until: dd-mm-yyyy.
  retainUntil: /^[0-3][0-9]-[01][0-9]-[0-9]{4}$/,
  // Microsoft.Resources tags: names without <>%&\?/, values up to 256 characters.
  tagName: /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/,
  tagValue: /^[A-Za-z0-9 ._:@-]{0,256}$/,
  // Recovery point names are numbers.
  recoveryPointName: /^[0-9]{1,30}$/,
  // Microsoft.Storage/storageAccounts: 3-24 lowercase letters and digits.
  storageAccountName: /^[a-z0-9]{3,24}$/,
  targetResourceGroup: RESOURCE_GROUP,
  targetSubscriptionId: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  // Microsoft.RecoveryServices/vaults/backupPolicies: 3-150 alphanumerics, hyphens, underscores.
  policyName: /^[A-Za-z0-9][A-Za-z0-9_-]{2,149}$/,
  // SQL Server instance names: up to 16 characters.
  instanceName: /^[A-Za-z0-9_][A-Za-z0-9_$#-]{0,15}$/,
};

/**
 * Every character PowerShell takes for a single quote: the ASCII one and the typographic U+2018 to
 * U+201B (about_Quoting_Rules: "PowerShell treats smart quotation marks … as normal quotation
 * marks"; the language specification's single-quote-character). Inside '…' each is written twice.
 */
const POWERSHELL_SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;

/** A PowerShell single-quoted literal that reads back as `value`, whatever it holds. */
export function quotePowerShell(value: string): string {
  return `'${value.replace(POWERSHELL_SINGLE_QUOTES, (quote) => quote + quote)}'`;
}

/** A POSIX shell single-quoted literal that reads back as `value` (the Azure CLI is run from bash). */
export function quotePosix(value: string): string {
  return `'${value.replace(/'/g, "'\\''")}'`;
}

/** A template split once into literal text and placeholders, so filling is concatenation. */
interface Compiled {
  literals: string[];
  names: Array<{ name: Placeholder; quoted: boolean }>;
}

const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  let result = compiled.get(template);
  if (result === undefined) {
    result = { literals: [], names: [] };
    let last = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
      result.literals.push(template.slice(last, match.index));
      result.names.push({ name: match[1] as Placeholder, quoted: template.charAt(match.index - 1) === "'" });
      last = match.index + match[0].length;
    }
    result.literals.push(template.slice(last));
    compiled.set(template, result);
  }
  return result;
}

/** Names checked once for all the commands of an event: what each becomes, bare or inside quotes. */
export interface SafeValues {
  bare: Partial<Record<Placeholder, string>>;
  quoted: Partial<Record<Placeholder, string>>;
}

/**
 * Names come from events and from Azure (a lock's name), so they are untrusted: only a value that
 * matches its resource type's naming rules is kept; anything else (quotes of any script, `$`,
 * backticks, newlines, bidi and zero-width characters, non-ASCII letters) is dropped here, and
 * every command that needs it keeps a visible `<placeholder>` and is marked incomplete.
 */
export function toSafeValues(values: TemplateValues): SafeValues {
  const safe: SafeValues = { bare: {}, quoted: {} };
  for (const key of Object.keys(values) as Placeholder[]) {
    const value = values[key];
    if (value === undefined || !isValidName(key, value)) continue;
    safe.quoted[key] = value;
    safe.bare[key] = BARE_SAFE.test(value) ? value : quotePosix(value);
  }
  return safe;
}

/** Whether a name matches the naming rules of what it names (see `NAMING_RULES`). */
export function isValidName(name: Placeholder, value: string): boolean {
  const rule = NAMING_RULES[name] as RegExp | undefined;
  return rule !== undefined && rule.test(value);
}

/** The placeholders a template uses, in order of appearance. */
export function placeholdersOf(template: string): Placeholder[] {
  return compile(template).names.map((entry) => entry.name);
}

/**
 * Fills a command template with names checked by `toSafeValues`. A name the template puts inside
 * '…' is escaped for that shell's single quotes too (PowerShell's include the typographic ones),
 * so even a name that slipped past its rules could not close the quote.
 */
export function fillCommand(
  template: string,
  values: TemplateValues | SafeValues,
  shell: Shell = 'azure-cli',
): { text: string; complete: boolean } {
  const safe = 'bare' in values && 'quoted' in values ? values : toSafeValues(values);
  const { literals, names } = compile(template);
  const parts: string[] = [literals[0]!];
  let complete = true;
  for (let i = 0; i < names.length; i += 1) {
    const { name, quoted } = names[i]!;
    const raw = quoted ? safe.quoted[name] : safe.bare[name];
    const value = raw === undefined || !quoted ? raw : insideQuotes(raw, shell);
    if (value === undefined) complete = false;
    parts.push(value ?? `<${name}>`, literals[i + 1]!);
  }
  // One flat string, not a rope of many pieces: events are kept by the thousand.
  return { text: parts.join(''), complete };
}

/** Fills a sentence for people: any value, with control characters removed and length bounded. */
export function fillText(template: string, values: TemplateValues): string {
  const { literals, names } = compile(template);
  let text = literals[0]!;
  for (let i = 0; i < names.length; i += 1) {
    const value = values[names[i]!.name];
    text += (value === undefined ? `<${names[i]!.name}>` : toDisplay(value)) + literals[i + 1]!;
  }
  return text;
}

/** The content of a '…' literal of `shell` that reads back as `value`. */
function insideQuotes(value: string, shell: Shell): string {
  return (shell === 'powershell' ? quotePowerShell(value) : quotePosix(value)).slice(1, -1);
}

/**
 * Characters that change how text looks without being seen: C0/C1 controls, soft hyphen, the
 * Arabic letter mark, the Mongolian vowel separator, zero-width and joiner characters, line and
 * paragraph separators, bidi embeddings, overrides and isolates, invisible operators, the BOM and
 * the interlinear annotation marks (Unicode "Default_Ignorable_Code_Point" and "Bidi_Control").
 */
const INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const HAS_INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/;

/** Untrusted text made fit for one line of a message. */
export function toDisplay(value: string, maxLength = 200): string {
  const clean = HAS_INVISIBLE.test(value) ? value.replace(INVISIBLE, ' ').trim() : value.trim();
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}
