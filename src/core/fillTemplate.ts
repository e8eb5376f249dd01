import type { Placeholder } from './catalog/index.js';

/** Values for the `{placeholders}` of messages and commands; absent when not known. */
export type TemplateValues = Partial<Record<Placeholder, string>>;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
const BARE_SAFE = /^[A-Za-z0-9._-]+$/;
const QUOTABLE = /^[^'"`$\\\u0000-\u001f\u007f<>%&:?/]+$/;
const SHAPES: Partial<Record<Placeholder, RegExp>> = {
  subscriptionId: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  region: /^[a-z0-9]+$/i,
  jobId: /^[A-Za-z0-9-]+$/,
  vmResourceId: /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[A-Za-z0-9._-]+\/providers\/Microsoft\.Compute\/virtualMachines\/[A-Za-z0-9._-]+$/i,
};
const MAX_VALUE_LENGTH = 260;

/**
 * Fills a command template with real names. Names come from events, so they are untrusted: a
 * value that could break out of the shell (quotes, `$`, backticks, newlines) or that is not a
 * valid Azure name is left as a visible `<placeholder>` and the command is marked incomplete,
 * rather than handing an operator a command that runs something else.
 */
export function fillCommand(template: string, values: TemplateValues): { text: string; complete: boolean } {
  let complete = true;
  const text = template.replace(PLACEHOLDER, (_, name: string, offset: number) => {
    const value = values[name as Placeholder];
    const quoted = template.charAt(offset - 1) === "'";
    if (value === undefined || !isSafe(name as Placeholder, value)) {
      complete = false;
      return `<${name}>`;
    }
    return BARE_SAFE.test(value) || quoted ? value : `'${value}'`;
  });
  return { text, complete };
}

/** Fills a sentence for people: any value, with control characters removed and length bounded. */
export function fillText(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name as Placeholder];
    return value === undefined ? `<${name}>` : toDisplay(value);
  });
}

/** Untrusted text made fit for one line of a message. */
export function toDisplay(value: string, maxLength = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').trim();
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}

function isSafe(name: Placeholder, value: string): boolean {
  if (value.length === 0 || value.length > MAX_VALUE_LENGTH) return false;
  const shape = SHAPES[name];
  if (shape !== undefined) return shape.test(value);
  return BARE_SAFE.test(value) || QUOTABLE.test(value);
}
