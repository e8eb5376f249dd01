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

class RecordReader implements FieldReader {
  #index: Map<string, unknown> | undefined;
  readonly #canonical: boolean;

  constructor(
    private readonly obj: Record<string, unknown>,
    canonicalProbe: string | undefined,
  ) {
    // A record that spells `canonicalProbe` exactly is taken to use the documented casing
    // throughout: its misses are real absences, and the lower-cased index is never built.
    this.#canonical = canonicalProbe !== undefined && obj[canonicalProbe] !== undefined;
  }

  get(name: string): unknown {
    // Names looked up are our own constants (never "__proto__" or "constructor"): a direct read is safe.
    const exact = this.obj[name];
    if (exact !== undefined || this.#canonical) return exact;
    return this.index().get(name.toLowerCase());
  }

  text(name: string): string | undefined {
    return toText(this.get(name));
  }

  isNonScalar(name: string): boolean {
    const value = this.get(name);
    return value !== null && typeof value === 'object';
  }

  private index(): Map<string, unknown> {
    if (this.#index === undefined) {
      const index = new Map<string, unknown>();
      for (const key of Object.keys(this.obj)) {
        const lower = key.toLowerCase();
        if (!index.has(lower)) index.set(lower, this.obj[key]);
        if (lower.charCodeAt(lower.length - 2) === 95) {
          const bare = lower.replace(SUFFIX, '');
          if (bare !== lower && !index.has(bare)) index.set(bare, this.obj[key]);
        }
      }
      this.#index = index;
    }
    return this.#index;
  }
}

/** Reads `properties` first, then the record's top level. */
class LayeredReader implements FieldReader {
  constructor(
    private readonly first: FieldReader,
    private readonly second: FieldReader,
  ) {}

  get(name: string): unknown {
    return this.first.get(name) ?? this.second.get(name);
  }

  text(name: string): string | undefined {
    return this.first.text(name) ?? this.second.text(name);
  }

  isNonScalar(name: string): boolean {
    return this.first.get(name) !== undefined ? this.first.isNonScalar(name) : this.second.isNonScalar(name);
  }
}

export function toFieldReader(obj: Record<string, unknown>, canonicalProbe?: string): FieldReader {
  return new RecordReader(obj, canonicalProbe);
}

/** A reader over two layers: the first one that has a field wins. */
export function toLayeredReader(first: FieldReader, second: FieldReader): FieldReader {
  return new LayeredReader(first, second);
}

function toText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (value.length === 0) return undefined;
    const first = value.charCodeAt(0);
    const last = value.charCodeAt(value.length - 1);
    const trimmed = first > 32 && last > 32 ? value : value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** Narrows an unknown to a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
