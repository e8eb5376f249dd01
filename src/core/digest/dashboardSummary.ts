import type { EnrichedEvent, Priority } from '../types.js';
import type { CountedEvent } from './countedEvent.js';

export interface DashboardSummary {
  from: string;
  to: string;
  /** Failed jobs per day, by code (for the stacked chart). */
  series: Array<{ day: string; byCode: Record<string, number> }>;
  codes: string[];
  vaults: string[];
  openByPriority: Record<Priority, number>;
  topVms: Array<{ vmName: string; vaultName: string; failedJobs: number }>;
  /** Lookups of the range: by probe and status; the share that failed or timed out. */
  lookups: {
    byProbe: Record<string, Record<string, number>>;
    total: number;
    failed: number;
    failureRate: number | null;
  };
}

/** The dashboard's charts, from the events of a range of days and the open findings. */
export function summarizeRange(input: {
  from: string;
  to: string;
  days: readonly string[];
  eventsByDay: ReadonlyMap<string, ReadonlyArray<EnrichedEvent | CountedEvent>>;
  openPriorities: readonly Priority[];
}): DashboardSummary {
  const codes = new Set<string>();
  const vaults = new Set<string>();
  const vms = new Map<string, { vmName: string; vaultName: string; failedJobs: number }>();
  const byProbe: Record<string, Record<string, number>> = {};
  let total = 0;
  let failed = 0;
  const series = input.days.map((day) => {
    const byCode: Record<string, number> = {};
    for (const event of input.eventsByDay.get(day) ?? []) {
      const code = event.classification.code;
      codes.add(code);
      if (event.job.vaultName !== null) vaults.add(event.job.vaultName);
      byCode[code] = (byCode[code] ?? 0) + 1;
      const vmKey = `${event.job.vmName ?? event.job.backupItemName ?? event.id}|${event.job.vaultName ?? ''}`;
      const vm = vms.get(vmKey) ?? {
        vmName: event.job.vmName ?? event.job.backupItemName ?? event.id,
        vaultName: event.job.vaultName ?? '',
        failedJobs: 0,
      };
      vm.failedJobs += 1;
      vms.set(vmKey, vm);
      for (const lookup of event.lookups) {
        const counts = (byProbe[lookup.probe] ??= {});
        counts[lookup.status] = (counts[lookup.status] ?? 0) + 1;
        if (lookup.status === 'skipped') continue;
        total += 1;
        if (lookup.status !== 'ok') failed += 1;
      }
    }
    return { day, byCode };
  });
  const openByPriority: Record<Priority, number> = { P1: 0, P2: 0, P3: 0, P4: 0 };
  for (const priority of input.openPriorities) openByPriority[priority] += 1;
  return {
    from: input.from,
    to: input.to,
    series,
    codes: [...codes].sort(),
    vaults: [...vaults].sort(),
    openByPriority,
    topVms: [...vms.values()]
      .sort((a, b) => b.failedJobs - a.failedJobs || a.vmName.localeCompare(b.vmName))
      .slice(0, 10),
    lookups: { byProbe, total, failed, failureRate: total > 0 ? failed / total : null },
  };
}
