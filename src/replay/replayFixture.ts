/** One canned answer of the replay server (DESIGN.md §4), with optional faults for tests. */
export interface ReplayEntry {
  /** @default "GET" */
  method?: string;
  /** Matched case-insensitively, without the query string. */
  path: string;
  /** @default 200 */
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Answer this way only this many times, then let the next matching entry answer. */
  times?: number;
  /** Answer only a request whose body contains this text (a page of a POSTed query, by its skip token). */
  bodyIncludes?: string;
  /** Wait before answering. */
  delayMs?: number;
  /** `reset` drops the connection, `hang` never answers, `garbage` sends a body that is not JSON. */
  fault?: 'reset' | 'hang' | 'garbage';
}

export interface ReplayFixture {
  requests: ReplayEntry[];
  /** The Log Analytics workspace the history answers stand for (when LOG_ANALYTICS_WORKSPACE_ID is not set). */
  workspaceId?: string;
}

/** Checks a fixture file's shape, with a message that names the bad entry. */
export function toReplayFixture(value: unknown, source = 'fixture'): ReplayFixture {
  const requests = (value as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests))
    throw new TypeError(`${source}: expected {"requests":[…]} (the replay format of DESIGN.md §4)`);
  requests.forEach((entry, index) => {
    const e = entry as Partial<ReplayEntry> | null;
    if (e === null || typeof e !== 'object' || typeof e.path !== 'string' || !e.path.startsWith('/')) {
      throw new TypeError(`${source}: requests[${index}] needs a "path" starting with "/"`);
    }
    if (e.status !== undefined && (!Number.isInteger(e.status) || e.status < 100 || e.status > 599))
      throw new TypeError(`${source}: requests[${index}].status must be an HTTP status`);
  });
  const workspaceId = (value as { workspaceId?: unknown }).workspaceId;
  return { requests: requests as ReplayEntry[], ...(typeof workspaceId === 'string' && { workspaceId }) };
}
