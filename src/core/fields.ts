/**
 * Case-insensitive field access over an untrusted record.
 *
 * Emitters disagree on casing (`AdHocOrScheduledJob` vs `AdhocOrScheduledJob`, `resourceId` vs
 * `ResourceId`) and the legacy Log Analytics export adds `_s`/`_g`/`_d` suffixes. The exact key is
 * tried first, so well-formed records never pay for the lower-cased index.
 */
export interface FieldReader {
  /** The raw value under `name`, whatever its type. */
  get(name: string): unknown;
  /** A trimmed non-empty string, or `undefined`; numbers and booleans are stringified. */
  text(name: string): string | undefined;
  /** Whether a value exists under `name` but is not a scalar (object, array). */
  isNonScalar(name: string): boolean;
}

const SUFFIX = /_[sgdb]$/;

export function toFieldReader(obj: Record<string, unknown>): FieldReader {
  let index: Map<string, unknown> | undefined;
  const lookup = (name: string): unknown => {
    if (Object.hasOwn(obj, name)) return obj[name];
    if (index === undefined) {
      index = new Map();
      for (const key of Object.keys(obj)) {
        const lower = key.toLowerCase();
        if (!index.has(lower)) index.set(lower, obj[key]);
        const bare = lower.replace(SUFFIX, '');
        if (bare !== lower && !index.has(bare)) index.set(bare, obj[key]);
      }
    }
    return index.get(name.toLowerCase());
  };
  return {
    get: lookup,
    text(name) {
      const value = lookup(name);
      if (typeof value === 'string') {
        const trimmed = value.trim();
        return trimmed === '' ? undefined : trimmed;
      }
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      if (typeof value === 'boolean') return String(value);
      return undefined;
    },
    isNonScalar(name) {
      const value = lookup(name);
      return value !== null && typeof value === 'object';
    },
  };
}

/** Narrows an unknown to a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
