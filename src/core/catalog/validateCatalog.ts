import { LANGS, type Localized } from '../types.js';
import { PLACEHOLDERS, PROBE_NAMES, type Catalog } from './types.js';

const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9]+$/;
const ID_PATTERN = /^[a-z][a-z0-9-]+$/;
const PLACEHOLDER_PATTERN = /\{([A-Za-z]+)\}/g;

/**
 * Checks the catalog's own consistency and returns every problem found, so a bad entry fails at
 * start-up (and in the tests) with a message naming it, instead of producing a half-empty message.
 */
export function validateCatalog(catalog: Catalog): string[] {
  const problems: string[] = [];
  const causeIds = new Set<string>();
  const commandIds = new Set<string>();
  const known = new Set<string>(PLACEHOLDERS);
  const probes = new Set<string>(PROBE_NAMES);

  const checkLocalized = (where: string, value: Localized) => {
    for (const lang of LANGS) {
      if (typeof value[lang] !== 'string' || value[lang].trim() === '') problems.push(`${where}: missing ${lang} text`);
    }
  };
  const checkPlaceholders = (where: string, text: string) => {
    for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
      if (!known.has(match[1] ?? '')) problems.push(`${where}: unknown placeholder {${match[1]}}`);
    }
  };

  for (const command of catalog.commands) {
    const where = `command ${command.id}`;
    if (!ID_PATTERN.test(command.id)) problems.push(`${where}: id must be kebab-case`);
    if (commandIds.has(command.id)) problems.push(`${where}: duplicate id`);
    commandIds.add(command.id);
    checkLocalized(`${where} purpose`, command.purpose);
    const forms = [
      ['', command] as const,
      ...Object.entries(command.variants ?? {}).map(([family, pair]) => [` (${family})`, pair] as const),
    ];
    for (const [variant, pair] of forms) {
      checkPlaceholders(`${where}${variant} azureCli`, pair.azureCli);
      checkPlaceholders(`${where}${variant} powershell`, pair.powershell);
      if (!pair.azureCli.startsWith('az ')) problems.push(`${where}${variant}: azureCli must start with "az "`);
      if (pair.purpose !== undefined) checkLocalized(`${where}${variant} purpose`, pair.purpose);
    }
    if (
      command.target === 'item' &&
      !command.azureCli.includes('AzureIaasVM') &&
      !command.azureCli.includes('{vmName}')
    )
      problems.push(`${where}: an item command's base form is the Azure VM one`);
    if (command.target !== 'item' && command.variants !== undefined)
      problems.push(`${where}: only item commands have workload variants`);
  }

  const allCauses = [...catalog.causes, catalog.generic, catalog.vmDeleted];
  const allCauseIds = new Set(allCauses.map((cause) => cause.id));
  const checkAction = (where: string, action: Localized) => {
    checkLocalized(where, action);
    for (const lang of LANGS) {
      checkPlaceholders(`${where}.${lang}`, action[lang]);
      // The first line names the item (the VM, or the database and its host) and the vault.
      const text = action[lang];
      const namesItem = text.includes('{vmName}') || text.includes('{itemName}');
      if (
        !namesItem ||
        !text.includes('{vaultName}') ||
        (text.includes('{vmName}') && !text.includes('{vmResourceGroup}'))
      )
        problems.push(`${where}.${lang}: must name {vmName} (with {vmResourceGroup}) or {itemName}, and {vaultName}`);
    }
  };

  for (const cause of allCauses) {
    const where = `cause ${cause.id}`;
    if (!ID_PATTERN.test(cause.id)) problems.push(`${where}: id must be kebab-case`);
    if (causeIds.has(cause.id)) problems.push(`${where}: duplicate id`);
    causeIds.add(cause.id);
    checkLocalized(`${where} title`, cause.title);
    checkAction(`${where} action`, cause.action);
    for (const lang of LANGS) if (cause.steps[lang].length === 0) problems.push(`${where}: no ${lang} steps`);
    for (const [index, variant] of (cause.variants ?? []).entries()) {
      checkAction(`${where} variants[${index}].action`, variant.action);
      if (Object.keys(variant.when).length === 0) problems.push(`${where} variants[${index}]: empty "when"`);
      if (variant.fix !== undefined && !cause.commands.includes(variant.fix))
        problems.push(`${where} variants[${index}]: fix ${variant.fix} is not one of its commands`);
    }
    if ((cause.os === undefined) !== (cause.osNeutralAction === undefined))
      problems.push(`${where}: "os" and "osNeutralAction" go together`);
    if (cause.osNeutralAction !== undefined) checkAction(`${where} osNeutralAction`, cause.osNeutralAction);
    if (cause.onlyWith !== undefined && (cause.onlyWith === cause.id || !allCauseIds.has(cause.onlyWith)))
      problems.push(`${where}: onlyWith ${cause.onlyWith} is not another cause`);
    if ((cause.onlyWith === undefined) !== (cause.onlyWithWhy === undefined))
      problems.push(`${where}: "onlyWith" and "onlyWithWhy" go together`);
    if (cause.onlyWithWhy !== undefined) checkLocalized(`${where} onlyWithWhy`, cause.onlyWithWhy);
    if (cause.steps.en.length !== cause.steps.fr.length) problems.push(`${where}: en and fr steps differ in number`);
    for (const id of cause.commands) if (!commandIds.has(id)) problems.push(`${where}: unknown command ${id}`);
    if (cause.fix !== undefined && !cause.commands.includes(cause.fix))
      problems.push(`${where}: fix ${cause.fix} is not one of its commands`);
    for (const probe of cause.probes) if (!probes.has(probe)) problems.push(`${where}: unknown probe ${probe}`);
  }

  const spellings = new Map<string, string>();
  const numbers = new Map<number, string>();
  for (const entry of catalog.codes) {
    const where = `code ${entry.code}`;
    for (const spelling of [entry.code, ...entry.aliases]) {
      if (!CODE_PATTERN.test(spelling)) problems.push(`${where}: bad spelling "${spelling}"`);
      const key = spelling.toLowerCase();
      const owner = spellings.get(key);
      if (owner !== undefined) problems.push(`${where}: "${spelling}" is already used by ${owner}`);
      spellings.set(key, entry.code);
    }
    for (const number of entry.numbers ?? []) {
      if (!Number.isInteger(number) || number <= 0) problems.push(`${where}: bad numeric form ${number}`);
      const owner = numbers.get(number);
      if (owner !== undefined && owner !== entry.code) problems.push(`${where}: ${number} is already used by ${owner}`);
      numbers.set(number, entry.code);
    }
    checkLocalized(`${where} title`, entry.title);
    checkLocalized(`${where} message`, entry.message);
    if (entry.causes.length === 0) problems.push(`${where}: no causes`);
    const seen = new Set<string>();
    for (const id of [...entry.causes, ...entry.addedCauses]) {
      if (!causeIds.has(id)) problems.push(`${where}: unknown cause ${id}`);
      if (seen.has(id)) problems.push(`${where}: cause ${id} listed twice`);
      seen.add(id);
    }
    for (const id of entry.establishes ?? [])
      if (!seen.has(id)) problems.push(`${where}: establishes ${id}, which is not one of its causes`);
    if (entry.documentedIn === 'en' && entry.addedCauses.length > 0)
      problems.push(`${where}: an English-only code has no added causes`);
  }
  return problems;
}
