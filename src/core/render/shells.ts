import type { RenderedCommand } from '../types.js';

/** The shells a reader can choose for the one command a message shows (setting NOTIFY_SHELL). */
export const SHELLS = ['cli', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

/** Which rendered commands belong to a shell. */
export const COMMAND_SHELL: Readonly<Record<Shell, RenderedCommand['shell']>> = {
  cli: 'azure-cli',
  powershell: 'powershell',
};

/** The first action's command for the reader's shell: the first complete one, else the first one. */
export function commandFor(commands: readonly RenderedCommand[], shell: Shell): RenderedCommand | undefined {
  const mine = commands.filter((command) => command.shell === COMMAND_SHELL[shell]);
  return mine.find((command) => command.complete) ?? mine[0];
}
