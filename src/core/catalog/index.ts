import { CAUSES as AGENT_EXTENSION_CAUSES, GENERIC_CAUSE, VM_DELETED_CAUSE } from './causes.js';
import { CODES as AGENT_EXTENSION_CODES } from './codes.js';
import { COMMANDS as AGENT_EXTENSION_COMMANDS } from './commands.js';
import { VM_BACKUP_CAUSES } from './vmBackupCauses.js';
import { VM_BACKUP_CODES } from './vmBackupCodes.js';
import { VM_BACKUP_COMMANDS } from './vmBackupCommands.js';
import { SAP_HANA_CODES } from './sapHanaCodes.js';
import { SQL_SERVER_CODES } from './sqlServerCodes.js';
import { WORKLOAD_CAUSES } from './workloadCauses.js';
import { WORKLOAD_COMMANDS } from './workloadCommands.js';
import type { Catalog, CauseEntry, CodeEntry, CommandTemplate } from './types.js';
import { validateCatalog } from './validateCatalog.js';

export type {
  ActionVariant,
  ArticleId,
  Catalog,
  CauseEntry,
  CodeEntry,
  CommandTemplate,
  KeyVaultAccess,
  Placeholder,
  ProbeName,
  VmFacts,
} from './types.js';
export { ARTICLES, PLACEHOLDERS, PROBE_NAMES } from './types.js';
export { PROBE_TITLES, probeTitle } from './probeTitles.js';

/** One file per article: the agent and extension article, the VM article, SQL Server, SAP HANA. */
const CODES: readonly CodeEntry[] = [
  ...AGENT_EXTENSION_CODES,
  ...VM_BACKUP_CODES,
  ...SQL_SERVER_CODES,
  ...SAP_HANA_CODES,
];
const CAUSES: readonly CauseEntry[] = [...AGENT_EXTENSION_CAUSES, ...VM_BACKUP_CAUSES, ...WORKLOAD_CAUSES];
const COMMANDS: readonly CommandTemplate[] = [...AGENT_EXTENSION_COMMANDS, ...VM_BACKUP_COMMANDS, ...WORKLOAD_COMMANDS];

/** The built-in catalog, validated once at load: a broken entry stops start-up with its name. */
export const CATALOG: Catalog = deepFreeze({
  codes: CODES,
  causes: CAUSES,
  commands: COMMANDS,
  generic: GENERIC_CAUSE,
  vmDeleted: VM_DELETED_CAUSE,
});

const problems = validateCatalog(CATALOG);
if (problems.length > 0) {
  throw new TypeError(`The error-code catalog is invalid:\n- ${problems.join('\n- ')}`);
}

const bySpelling = new Map<string, CodeEntry>();
for (const entry of CODES) {
  for (const spelling of [entry.code, ...entry.aliases]) bySpelling.set(spelling.toLowerCase(), entry);
}
const byNumber = new Map<number, CodeEntry>();
for (const entry of CODES) for (const number of entry.numbers ?? []) byNumber.set(number, entry);
const causeById = new Map<string, CauseEntry>(
  [...CAUSES, GENERIC_CAUSE, VM_DELETED_CAUSE].map((cause) => [cause.id, cause]),
);
const commandById = new Map<string, CommandTemplate>(COMMANDS.map((command) => [command.id, command]));

/** Every spelling (canonical and aliases) lower-cased, longest first: for scanning free text. */
export const CODE_SPELLINGS_LONGEST_FIRST: readonly string[] = [...bySpelling.keys()].sort(
  (a, b) => b.length - a.length,
);

/** The catalog entry for an error code in any case or documented spelling, or `undefined`. */
export function tryFindCode(code: string): CodeEntry | undefined {
  return bySpelling.get(code.trim().toLowerCase());
}

/** The catalog entry for a numeric code (REST jobs carry `errorDetails[].errorCode` as a number). */
export function tryFindCodeByNumber(number: number): CodeEntry | undefined {
  return byNumber.get(number);
}

export function getCause(id: string): CauseEntry {
  const cause = causeById.get(id);
  if (cause === undefined) throw new RangeError(`Unknown cause id "${id}"`);
  return cause;
}

export function getCommand(id: string): CommandTemplate {
  const command = commandById.get(id);
  if (command === undefined) throw new RangeError(`Unknown command id "${id}"`);
  return command;
}

/** Catalog texts are shared by every event built from them: freezing keeps one event from editing all. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
