import type { Lang } from '../../core/types.js';
import { FACTS } from '../facts.js';
import { collectionsOf } from '../restorePointGroups.js';
import { reads } from '../readings.js';
import { evidence, failedOutcome, readOf, type Probe } from '../probe.js';

const CAUSE = 'rp-collection-limit';

const TEXT = {
  en: {
    none: (vm: string) => `no restore point collection for ${vm}`,
    where: (collection: string, group: string) => `${collection} in ${group}`,
    atLimit: (total: number, where: string, limit: number) =>
      `${total} restore points (${where}): at the limit of ${limit}`,
    nearLimit: (total: number, limit: number, where: string) =>
      `${total} of ${limit} restore points (${where}): near the limit`,
    below: (total: number, limit: number, where: string) => `${total} of ${limit} restore points (${where})`,
  },
  fr: {
    none: (vm: string) => `aucune collection de points de restauration pour ${vm}`,
    where: (collection: string, group: string) => `${collection} dans ${group}`,
    atLimit: (total: number, where: string, limit: number) =>
      `${total} points de restauration (${where}) : la limite de ${limit} est atteinte`,
    nearLimit: (total: number, limit: number, where: string) =>
      `${total} points de restauration sur ${limit} (${where}) : proche de la limite`,
    below: (total: number, limit: number, where: string) => `${total} points de restauration sur ${limit} (${where})`,
  },
} as const satisfies Record<Lang, unknown>;

/**
 * Counts the VM's instant restore points across its collections, against the limit of 18: at the
 * limit, implicated; within `FACTS.nearRestorePointMargin` of it, present (the next backups will
 * reach it, and a lock that blocks the cleanup becomes implicated); below, ruled out.
 */
export const restorePointsProbe: Probe = {
  name: 'restore-points',
  tests: [CAUSE],
  plan: (t) => [reads.restorePointCollections(t.subscriptionId)],
  followUp(t, readings) {
    const listing = readOf(readings, reads.restorePointCollections(t.subscriptionId));
    return listing.ok
      ? collectionsOf(t, listing.value).map((c) =>
          reads.restorePointCollection(c.subscriptionId, c.resourceGroup, c.name),
        )
      : [];
  },
  evaluate(t, readings, context) {
    const m = TEXT[context.lang];
    const listing = readOf(readings, reads.restorePointCollections(t.subscriptionId));
    if (!listing.ok) return failedOutcome(this, listing, context.lang);
    const collections = collectionsOf(t, listing.value);
    if (collections.length === 0) {
      return {
        status: 'ok',
        verdicts: [
          {
            causeId: CAUSE,
            verdict: 'ruled_out',
            evidence: evidence('restore-points', m.none(t.vmName), listing, { collections: 0 }),
          },
        ],
      };
    }
    let total = 0;
    const counted: Array<{ collection: string; group: string; restorePoints: number }> = [];
    for (const collection of collections) {
      const read = readOf(
        readings,
        reads.restorePointCollection(collection.subscriptionId, collection.resourceGroup, collection.name),
      );
      if (!read.ok) return failedOutcome(this, read, context.lang);
      const count = read.value.restorePoints?.length ?? 0;
      total += count;
      counted.push({ collection: collection.name, group: collection.resourceGroup, restorePoints: count });
    }
    const where = counted.map((c) => m.where(c.collection, c.group)).join(', ');
    const limit = FACTS.maxRestorePoints;
    const [verdict, summary] =
      total >= limit
        ? (['implicated', m.atLimit(total, where, limit)] as const)
        : total >= limit - FACTS.nearRestorePointMargin
          ? (['present', m.nearLimit(total, limit, where)] as const)
          : (['ruled_out', m.below(total, limit, where)] as const);
    return {
      status: 'ok',
      verdicts: [
        {
          causeId: CAUSE,
          verdict,
          evidence: evidence('restore-points', summary, listing, { total, limit, collections: counted }),
        },
      ],
      learned: { rpResourceGroup: collections[0]!.resourceGroup },
    };
  },
};
