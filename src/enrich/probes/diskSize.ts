import { FACTS } from '../facts.js';
import { reads } from '../readings.js';
import { evidence, failedOutcome, readOf, type Probe } from '../probe.js';

const CAUSE = 'disk-too-large';

/** Disk sizes from the VM model, against the source article's 4095 GB. */
export const diskSizeProbe: Probe = {
  name: 'disk-size',
  tests: [CAUSE],
  plan: (t) => [reads.vmModel(t.subscriptionId, t.resourceGroup, t.vmName)],
  evaluate(t, readings) {
    const read = readOf(readings, reads.vmModel(t.subscriptionId, t.resourceGroup, t.vmName));
    if (!read.ok) return failedOutcome(this, read, { vmMissing: read.status === 404 });
    const profile = read.value.storageProfile;
    const disks = [
      { disk: `OS disk ${profile?.osDisk?.name ?? ''}`.trim(), sizeGb: profile?.osDisk?.diskSizeGB },
      ...(profile?.dataDisks ?? []).map((d) => ({
        disk: `data disk ${d.name ?? ''} (LUN ${d.lun ?? '?'})`,
        sizeGb: d.diskSizeGB,
      })),
    ];
    const values = { disks };
    const over = disks.filter((d) => d.sizeGb !== undefined && d.sizeGb > FACTS.maxDiskGb);
    if (over.length > 0) {
      const list = over.map((d) => `${d.disk}: ${d.sizeGb} GB`).join(', ');
      return {
        status: 'ok',
        verdicts: [
          {
            causeId: CAUSE,
            verdict: 'confirmed',
            evidence: evidence(
              'disk-size',
              `${list}, over the ${FACTS.maxDiskGb} GB of the source article (the current limit is 32 TB, 4 TB when encrypted)`,
              read,
              values,
            ),
          },
        ],
      };
    }
    if (disks.some((d) => d.sizeGb === undefined)) {
      return {
        status: 'ok',
        verdicts: [
          {
            causeId: CAUSE,
            verdict: 'unknown',
            evidence: evidence(
              'disk-size',
              'the VM model does not give every disk size (read the managed disks)',
              read,
              values,
            ),
          },
        ],
      };
    }
    const largest = Math.max(...disks.map((d) => d.sizeGb ?? 0));
    return {
      status: 'ok',
      verdicts: [
        {
          causeId: CAUSE,
          verdict: 'ruled_out',
          evidence: evidence(
            'disk-size',
            `${disks.length} disks, the largest ${largest} GB (limit ${FACTS.maxDiskGb} GB)`,
            read,
            values,
          ),
        },
      ],
    };
  },
};
