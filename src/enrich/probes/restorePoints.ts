import { FACTS } from '../facts.js';
import { collectionsOf } from '../restorePointGroups.js';
import { reads } from '../readings.js';
import { evidence, failedOutcome, readOf, type Probe } from '../probe.js';

const CAUSE = 'rp-collection-limit';

/** Counts the VM's instant restore points across its collections, against the limit of 18. */
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
  evaluate(t, readings) {
    const listing = readOf(readings, reads.restorePointCollections(t.subscriptionId));
    if (!listing.ok) return failedOutcome(this, listing);
    const collections = collectionsOf(t, listing.value);
    if (collections.length === 0) {
      return {
        status: 'ok',
        verdicts: [
          {
            causeId: CAUSE,
            verdict: 'ruled_out',
            evidence: evidence('restore-points', `no restore point collection for ${t.vmName}`, listing, {
              collections: 0,
            }),
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
      if (!read.ok) return failedOutcome(this, read);
      const count = read.value.restorePoints?.length ?? 0;
      total += count;
      counted.push({ collection: collection.name, group: collection.resourceGroup, restorePoints: count });
    }
    const where = counted.map((c) => `${c.collection} in ${c.group}`).join(', ');
    const verdict = total >= FACTS.maxRestorePoints ? 'confirmed' : 'ruled_out';
    const summary =
      verdict === 'confirmed'
        ? `${total} restore points (${where}): at the limit of ${FACTS.maxRestorePoints}`
        : `${total} of ${FACTS.maxRestorePoints} restore points (${where})`;
    return {
      status: 'ok',
      verdicts: [
        {
          causeId: CAUSE,
          verdict,
          evidence: evidence('restore-points', summary, listing, { total, collections: counted }),
        },
      ],
      learned: { rpResourceGroup: collections[0]!.resourceGroup },
    };
  },
};
