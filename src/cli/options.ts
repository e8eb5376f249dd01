import { LANGS, type Lang } from '../core/types.js';
import { UsageError } from './io.js';

/** `--lang` checked against the languages the catalog is written in. */
export function parseLang(value: string | undefined): Lang {
  const lang = (value ?? 'en').toLowerCase();
  if (!(LANGS as readonly string[]).includes(lang))
    throw new UsageError(`--lang must be one of ${LANGS.join(', ')} (got "${value}")`);
  return lang as Lang;
}
