import { loadSettings, SETTINGS, type Settings } from '../config/settings.js';
import { UsageError } from './io.js';

/** An option that stands for an app setting on the command line (`--webhook` for WEBHOOK_URL). */
export interface FlagSetting {
  flag: string;
  setting: string;
  value: string | undefined;
}

/** What the user typed, shown back without its secret parts: a URL keeps its scheme and host. */
function shown(value: string, secret: boolean): string {
  if (!secret) return value;
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}/…`;
  } catch {
    return '***';
  }
}

/**
 * The settings of a command: the environment, overridden by the options that stand for settings.
 * An option's value is checked as its setting would be, and a mistake is blamed on the option the
 * user typed; what is wrong in the environment is still blamed on the variable.
 */
export function settingsWithFlags(env: NodeJS.ProcessEnv, flags: readonly FlagSetting[]): Settings {
  const overrides: Record<string, string> = {};
  for (const { flag, setting, value } of flags) {
    if (value === undefined) continue;
    const spec = SETTINGS.find((candidate) => candidate.name === setting);
    const problem = spec?.check?.(value);
    if (problem !== undefined) throw new UsageError(`${flag} "${shown(value, spec?.secret ?? false)}" ${problem}`);
    overrides[setting] = value;
  }
  return loadSettings({ ...env, ...overrides });
}
