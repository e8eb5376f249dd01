/** What a command line says about an error that ended a command, and its exit status. */
export interface Fault {
  lines: string[];
  status: 1 | 2;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH']);

/**
 * Expected faults as the person at the terminal should read them: usage and configuration
 * mistakes (exit 2, one line per problem, naming the option or variable), and failures of the
 * work that are not bugs (exit 1, one line). `undefined` for anything else: a bug, which keeps its
 * stack trace.
 */
export function describeFault(error: unknown): Fault | undefined {
  const err = error as { name?: string; message?: string; code?: string; problems?: readonly string[] };
  if (err.name === 'UsageError') return { lines: [String(err.message)], status: 2 };
  if (err.name === 'ConfigurationError' && Array.isArray(err.problems))
    return { lines: err.problems.map(String), status: 2 };
  if (err.name === 'CommandFailure') return { lines: [String(err.message)], status: 1 };
  if (err.code === 'EADDRINUSE')
    return { lines: [`the port is already in use (${firstLine(err.message)}): choose another one`], status: 1 };
  if (err.code !== undefined && NETWORK_CODES.has(err.code))
    return {
      lines: [`could not connect (${firstLine(err.message)}): check the address and that it is running`],
      status: 1,
    };
  return undefined;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0]!.slice(0, 300);
}
