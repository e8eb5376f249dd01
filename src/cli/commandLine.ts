import { parseArgs } from 'node:util';

import { UsageError } from './io.js';

/** One option of a command: how it is typed, and the line of help that explains it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the value looks like in the help (`URL`, `YYYY-MM-DD`); string options only. */
  value?: string;
  /** The only values accepted, checked before the command runs; shown in the help. */
  choices?: readonly string[];
  /** May be given several times (string options only): the values are kept in order. */
  multiple?: boolean;
  description: string;
  /** Said in the help; the command applies it (an unset option stays `undefined`). */
  default?: string;
}

/** A command of `backup-triage`: what `help <command>` prints and what its argument parser accepts. */
export interface CommandSpec {
  name: string;
  /** The arguments after the options, as the usage line shows them (`[FILE…|-]`). */
  args?: string;
  /** One line for the overview. */
  summary: string;
  /** A few lines for the command's own help. */
  description: string;
  options: Readonly<Record<string, OptionSpec>>;
  /** Options that make no sense together, with the reason given to whoever combines them. */
  exclusive?: ReadonlyArray<{ options: readonly [string, string]; reason: string }>;
  /** Example command lines. */
  examples?: readonly string[];
}

type ValueOf<O extends OptionSpec> = O['type'] extends 'boolean'
  ? boolean
  : O['multiple'] extends true
    ? string[]
    : string | undefined;

/** The parsed options of a command, typed from its spec. */
export type OptionValues<S extends CommandSpec> = { [K in keyof S['options']]: ValueOf<S['options'][K]> };

export interface ParsedCommandLine<S extends CommandSpec> {
  values: OptionValues<S>;
  positionals: string[];
}

/** Whether the user asked for the command's help (`-h`/`--help` before any `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

/**
 * Parses a command line against the command's spec. Every mistake becomes one `UsageError` that
 * names what was typed (an unknown option with the closest known one, a missing value, a value
 * outside the choices, two options that exclude each other) instead of Node's parser message.
 */
export function parseCommandLine<S extends CommandSpec>(spec: S, argv: readonly string[]): ParsedCommandLine<S> {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, option]) => [
      name,
      { type: option.type, ...(option.multiple === true && { multiple: true }) },
    ]),
  );
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, unknown> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const option = spec.options[token.name];
    if (option === undefined) throw new UsageError(unknownOption(spec, token.rawName));
    if (option.type === 'boolean') {
      if (token.inlineValue === true)
        throw new UsageError(`${token.rawName} takes no value (got "${token.rawName}=${token.value ?? ''}")`);
      values[token.name] = true;
      continue;
    }
    const value = token.value;
    if (value === undefined)
      throw new UsageError(`${token.rawName} needs a value: ${token.rawName} ${placeholder(option)}`);
    if (option.choices !== undefined && !option.choices.includes(value.toLowerCase()))
      throw new UsageError(`${token.rawName} "${value}" is not one of ${option.choices.join(', ')}`);
    const normalised = option.choices !== undefined ? value.toLowerCase() : value;
    if (option.multiple === true)
      values[token.name] = [...((values[token.name] as string[] | undefined) ?? []), normalised];
    else values[token.name] = normalised;
  }
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.type === 'boolean') values[name] ??= false;
    else if (option.multiple === true) values[name] ??= [];
  }
  if (spec.args === undefined && positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0]}": ${spec.name} takes options only`);
  for (const {
    options: [a, b],
    reason,
  } of spec.exclusive ?? []) {
    const given = (name: string) => values[name] !== undefined && values[name] !== false;
    if (given(a) && given(b)) throw new UsageError(`--${a} and --${b} exclude each other: ${reason}`);
  }
  return { values: values as OptionValues<S>, positionals };
}

function placeholder(option: OptionSpec): string {
  return option.choices?.join('|') ?? option.value ?? 'VALUE';
}

function unknownOption(spec: CommandSpec, typed: string): string {
  const known = Object.keys(spec.options).map((name) => `--${name}`);
  const closest = known
    .map((name) => ({ name, distance: editDistance(name, typed) }))
    .sort((a, b) => a.distance - b.distance)[0];
  const hint =
    closest !== undefined && closest.distance <= Math.max(2, Math.floor(typed.length / 3))
      ? ` (did you mean ${closest.name}?)`
      : '';
  return `unknown option ${typed}${hint}; "backup-triage ${spec.name} --help" lists the options`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The usage line of a command: `backup-triage run [options] [FILE…|-]`. */
export function usageLine(spec: CommandSpec): string {
  const options = Object.keys(spec.options).length > 0 ? ' [options]' : '';
  return `backup-triage ${spec.name}${options}${spec.args !== undefined ? ` ${spec.args}` : ''}`;
}

/** `backup-triage <command> --help`: the usage line, what it does, each option, examples. */
export function formatCommandHelp(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, option]) => {
    const flag = option.type === 'boolean' ? `--${name}` : `--${name} ${placeholder(option)}`;
    const extra = option.default !== undefined ? ` (default ${option.default})` : '';
    return [flag, `${option.description}${extra}`] as const;
  });
  rows.push(['-h, --help', 'show this help']);
  const width = Math.min(30, Math.max(...rows.map(([flag]) => flag.length)) + 2);
  const lines = [`Usage: ${usageLine(spec)}`, '', ...wrap(spec.description, 100, ''), '', 'Options:'];
  for (const [flag, text] of rows) {
    const wrapped = wrap(text, 100 - width - 2, '');
    if (flag.length + 2 > width) lines.push(`  ${flag}`, ...wrapped.map((line) => `  ${' '.repeat(width)}${line}`));
    else
      lines.push(
        `  ${flag.padEnd(width)}${wrapped[0] ?? ''}`,
        ...wrapped.slice(1).map((line) => `  ${' '.repeat(width)}${line}`),
      );
  }
  if (spec.examples !== undefined && spec.examples.length > 0)
    lines.push('', 'Examples:', ...spec.examples.map((example) => `  ${example}`));
  return `${lines.join('\n')}\n`;
}

/** `backup-triage --help`: one line per command. */
export function formatOverview(specs: readonly CommandSpec[], version: string): string {
  const width = Math.max(...specs.map((spec) => spec.name.length)) + 3;
  return [
    `backup-triage ${version}: failed Azure VM backups turned into prioritized, actionable messages.`,
    '',
    'Usage: backup-triage <command> [options]',
    '',
    'Commands:',
    ...specs.map((spec) => `  ${spec.name.padEnd(width)}${spec.summary}`),
    `  ${'help'.padEnd(width)}help <command> shows a command's options (so does <command> --help)`,
    '',
    'Options: --help, --version',
    'Exit status: 0 done (rejected inputs included), 1 failed (store, network), 2 usage or configuration error.',
    '',
  ].join('\n');
}

function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line.length > 0 && line.length + 1 + word.length > width) {
        out.push(`${indent}${line}`);
        line = word;
      } else line = line.length > 0 ? `${line} ${word}` : word;
    }
    out.push(`${indent}${line}`);
  }
  return out;
}
