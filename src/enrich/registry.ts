import type { ProbeName } from '../core/catalog/index.js';
import type { Probe } from './probe.js';
import { denyPolicyProbe } from './probes/denyPolicy.js';
import { diskSizeProbe } from './probes/diskSize.js';
import { extensionDeletingProbe } from './probes/extensionDeleting.js';
import { historyProbe } from './probes/history.js';
import { jobInProgressProbe } from './probes/jobInProgress.js';
import { keyVaultProbe } from './probes/keyVault.js';
import { powerStateProbe } from './probes/powerState.js';
import { restorePointsProbe } from './probes/restorePoints.js';
import { rpLocksProbe } from './probes/rpLocks.js';
import { snapshotExtensionProbe } from './probes/snapshotExtension.js';
import { vmAgentProbe } from './probes/vmAgent.js';
import { vmStateProbe } from './probes/vmState.js';

/** Every probe, by name: an explicit map, so a probe the catalog names but nobody wrote fails loudly. */
export const PROBES: Readonly<Record<ProbeName, Probe>> = Object.freeze({
  'vm-agent': vmAgentProbe,
  'power-state': powerStateProbe,
  'snapshot-extension': snapshotExtensionProbe,
  'rp-locks': rpLocksProbe,
  'restore-points': restorePointsProbe,
  'disk-size': diskSizeProbe,
  'key-vault': keyVaultProbe,
  'job-in-progress': jobInProgressProbe,
  history: historyProbe,
  'vm-state': vmStateProbe,
  'extension-deleting': extensionDeletingProbe,
  'deny-policy': denyPolicyProbe,
});

export function getProbe(name: string): Probe {
  const probe = (PROBES as Record<string, Probe | undefined>)[name];
  if (probe === undefined) throw new RangeError(`Unknown probe "${name}"; known: ${Object.keys(PROBES).join(', ')}`);
  return probe;
}
