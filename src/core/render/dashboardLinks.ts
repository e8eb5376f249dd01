/** The dashboard's URL with the given query parameters set (an existing fragment, e.g. `#key=`, is kept). */
function withQuery(base: string, query: Readonly<Record<string, string | undefined>>): string | undefined {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== '') url.searchParams.set(name, value);
  return url.toString();
}

/** A finding's own page in the dashboard: what messages and the digest link to. */
export function findingUrl(dashboardUrl: string | undefined, findingKey: string): string | undefined {
  return dashboardUrl === undefined ? undefined : withQuery(dashboardUrl, { finding: findingKey });
}

/** The dashboard filtered as a group message or a digest line is: open findings of one vault and code. */
export function filteredUrl(
  dashboardUrl: string | undefined,
  filters: { vault?: string | null; code?: string | null; priority?: string; status?: 'open' | 'resolved' | 'all' },
): string | undefined {
  return dashboardUrl === undefined
    ? undefined
    : withQuery(dashboardUrl, {
        status: filters.status,
        vault: filters.vault ?? undefined,
        code: filters.code ?? undefined,
        priority: filters.priority,
      });
}
