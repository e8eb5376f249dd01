import type { ReadFailure, ReadRequest } from '../enrich/readings.js';
import { readFailureText, type ReadFailureCause } from '../enrich/readFailureText.js';

/**
 * Any error of an SDK call as a read failure that says what to do. Branches on `name`, not
 * `instanceof`, as the Azure SDK guidelines ask (errors cross package copies).
 */
export function toReadFailure(
  error: unknown,
  request: ReadRequest,
  api: string,
  started: number,
  timedOut: boolean,
): ReadFailure {
  const err = error as { name?: string; statusCode?: number; code?: string; message?: string };
  const base = { ok: false as const, api, at: new Date().toISOString(), durationMs: Date.now() - started };
  const fail = (status: ReadFailure['status'], cause: ReadFailureCause): ReadFailure => {
    const text = readFailureText(request, cause);
    return { ...base, status, reason: text.en, text };
  };
  if (err?.name === 'AbortError' || timedOut) return fail('timeout', { kind: 'timeout', deadline: timedOut });
  if (err?.code === 'PARSE_ERROR' || err?.name === 'SyntaxError' || err?.name === 'MalformedResponse')
    return fail('malformed', { kind: 'malformed' });
  const status = err?.statusCode;
  if (typeof status === 'number')
    return fail(status, {
      kind: 'http',
      status,
      ...(err.code !== undefined && { code: err.code }),
      ...(err.message !== undefined && { message: err.message }),
    });
  return fail('error', {
    kind: 'no-answer',
    code: err?.code ?? err?.name ?? 'error',
    ...(err?.message !== undefined && { message: err.message }),
  });
}
