import { DEFAULT_PRIORITY_THRESHOLDS, type PriorityThresholds } from '../core/prioritize.js';
import { LANGS, type Lang } from '../core/types.js';

/** One app setting: declared once, validated at start-up, documented in the README from here. */
export interface SettingSpec {
  name: string;
  description: string;
  /** Who reads it: our code, or the Functions host (binding expressions, identity connections). */
  readBy: 'code' | 'host';
  required: boolean;
  default?: string;
  secret: boolean;
  /** Checks a value; returns a sentence saying what is wrong and how to fix it. */
  check?: (value: string) => string | undefined;
}

const positiveNumber = (value: string) => (Number.isFinite(Number(value)) && Number(value) > 0 ? undefined : 'must be a positive number');
const positiveInteger = (value: string) => (Number.isInteger(Number(value)) && Number(value) > 0 ? undefined : 'must be a positive integer');
const oneOf = (values: readonly string[]) => (value: string) => (values.includes(value.toLowerCase()) ? undefined : `must be one of ${values.join(', ')}`);

/** Every setting the app reads. */
export const SETTINGS: readonly SettingSpec[] = [
  { name: 'EVENTHUB_NAME', readBy: 'host', required: true, secret: false, description: 'Event hub the vaults’ diagnostic settings stream to (binding `%EVENTHUB_NAME%`).' },
  { name: 'EVENTHUB_CONSUMER_GROUP', readBy: 'host', required: false, default: '$Default', secret: false, description: 'Consumer group of the trigger (binding `%EVENTHUB_CONSUMER_GROUP%`).' },
  { name: 'EventHubConnection__fullyQualifiedNamespace', readBy: 'host', required: true, secret: false, description: 'Event Hubs namespace host name, for the identity-based trigger connection.' },
  { name: 'TRIAGE_LANG', readBy: 'code', required: false, default: 'en', secret: false, description: 'Language of the messages: `en` or `fr`.', check: oneOf(LANGS) },
  { name: 'PRIORITY_RPO_HOURS', readBy: 'code', required: false, default: String(DEFAULT_PRIORITY_THRESHOLDS.rpoHours), secret: false, description: 'Hours without a successful backup an item tolerates; beyond it P2, beyond twice it P1.', check: positiveNumber },
  { name: 'PRIORITY_RECURRENCE_COUNT', readBy: 'code', required: false, default: String(DEFAULT_PRIORITY_THRESHOLDS.recurrenceCount), secret: false, description: 'Consecutive failures of one item that raise its priority one level.', check: positiveInteger },
  { name: 'PRIORITY_BLAST_RADIUS_P2', readBy: 'code', required: false, default: String(DEFAULT_PRIORITY_THRESHOLDS.blastRadiusP2), secret: false, description: 'Items of one vault failing with the same code that make a failure at least P2.', check: positiveInteger },
  { name: 'PRIORITY_BLAST_RADIUS_P1', readBy: 'code', required: false, default: String(DEFAULT_PRIORITY_THRESHOLDS.blastRadiusP1), secret: false, description: 'Items of one vault failing with the same code that make a failure P1.', check: positiveInteger },
];

/** The settings our code uses, typed. */
export interface Settings {
  lang: Lang;
  thresholds: PriorityThresholds;
}

/** Misconfiguration found at start-up; `problems` names every wrong setting and how to fix it. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  }
}

/** Reads and checks the settings our code needs; `scope: 'all'` also checks the host's, for start-up. */
export function loadSettings(env: Readonly<Record<string, string | undefined>>, scope: 'code' | 'all' = 'code'): Settings {
  const problems: string[] = [];
  const value = (name: string): string => {
    const spec = SETTINGS.find((setting) => setting.name === name);
    return (env[name]?.trim() || spec?.default) ?? '';
  };
  for (const spec of SETTINGS) {
    if (scope === 'code' && spec.readBy !== 'code') continue;
    const raw = env[spec.name]?.trim();
    if (raw === undefined || raw === '') {
      if (spec.required) problems.push(`${spec.name} is required: ${spec.description}`);
      continue;
    }
    const problem = spec.check?.(raw);
    if (problem !== undefined) problems.push(`${spec.name} ${problem} (got "${spec.secret ? '***' : raw}").`);
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return {
    lang: value('TRIAGE_LANG').toLowerCase() as Lang,
    thresholds: {
      rpoHours: Number(value('PRIORITY_RPO_HOURS')),
      recurrenceCount: Number(value('PRIORITY_RECURRENCE_COUNT')),
      blastRadiusP2: Number(value('PRIORITY_BLAST_RADIUS_P2')),
      blastRadiusP1: Number(value('PRIORITY_BLAST_RADIUS_P1')),
    },
  };
}
