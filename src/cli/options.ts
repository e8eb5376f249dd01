import { LANGS, type Lang } from '../core/types.js';
import { UsageError } from './io.js';

/**
 * The language of a command: `--lang` when given (already checked against the choices), else
 * TRIAGE_LANG, else English. A bad TRIAGE_LANG is blamed on the variable, not on `--lang`.
 */
export function langFrom(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (flag !== undefined) return flag as Lang;
  const fromEnv = env['TRIAGE_LANG']?.trim().toLowerCase();
  if (fromEnv === undefined || fromEnv === '') return 'en';
  if (!(LANGS as readonly string[]).includes(fromEnv))
    throw new UsageError(`TRIAGE_LANG "${env['TRIAGE_LANG']}" is not one of ${LANGS.join(', ')}: fix or unset it`);
  return fromEnv as Lang;
}
