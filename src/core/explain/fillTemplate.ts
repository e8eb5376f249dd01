import type { Placeholder } from '../catalog/index.js';

/** Values for the `{placeholders}` of messages and commands; absent when not known. */
export type TemplateValues = Partial<Record<Placeholder, string>>;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
const BARE_SAFE = /^[A-Za-z0-9._-]+$/;
const QUOTABLE = /^[^'"`$\\\u0000-\u001f\u007f<>%&:?/]+$/;
const SHAPES: Partial<Record<Placeholder, RegExp>> = {
  subscriptionId: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  region: /^[a-z0-9]+$/i,
  jobId: /^[A-Za-z0-9-]+$/,
  vmResourceId:
    /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[A-Za-z0-9._-]+\/providers\/Microsoft\.Compute\/virtualMachines\/[A-Za-z0-9._-]+$/i,
};
const MAX_VALUE_LENGTH = 260;

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
 * Names come from events, so they are untrusted: a value that could break out of the shell
 * (quotes, `$`, backticks, newlines) or that is not a valid Azure name is dropped here, and every
 * command that needs it keeps a visible `<placeholder>` and is marked incomplete.
 */
export function toSafeValues(values: TemplateValues): SafeValues {
  const safe: SafeValues = { bare: {}, quoted: {} };
  for (const key of Object.keys(values) as Placeholder[]) {
    const value = values[key];
    if (value === undefined || !isSafe(key, value)) continue;
    safe.quoted[key] = value;
    safe.bare[key] = BARE_SAFE.test(value) ? value : `'${value}'`;
  }
  return safe;
}

/** The placeholders a template uses, in order of appearance. */
export function placeholdersOf(template: string): Placeholder[] {
  return compile(template).names.map((entry) => entry.name);
}

/** Fills a command template with names already checked by `toSafeValues`. */
export function fillCommand(
  template: string,
  values: TemplateValues | SafeValues,
): { text: string; complete: boolean } {
  const safe = 'bare' in values && 'quoted' in values ? values : toSafeValues(values);
  const { literals, names } = compile(template);
  const parts: string[] = [literals[0]!];
  let complete = true;
  for (let i = 0; i < names.length; i += 1) {
    const { name, quoted } = names[i]!;
    const value = quoted ? safe.quoted[name] : safe.bare[name];
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

const INVISIBLE = /[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const HAS_INVISIBLE = /[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Untrusted text made fit for one line of a message. */
export function toDisplay(value: string, maxLength = 200): string {
  const clean = HAS_INVISIBLE.test(value) ? value.replace(INVISIBLE, ' ').trim() : value.trim();
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}

function isSafe(name: Placeholder, value: string): boolean {
  if (value.length === 0 || value.length > MAX_VALUE_LENGTH) return false;
  const shape = SHAPES[name];
  if (shape !== undefined) return shape.test(value);
  return BARE_SAFE.test(value) || QUOTABLE.test(value);
}
