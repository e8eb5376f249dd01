import { reads } from '../readings.js';
import { failedOutcome, readOf, statusValue, verdictsOf, type Probe } from '../probe.js';

const SNAPSHOT = 'snapshot-not-taken';
const UPDATING = 'vm-provisioning-updating';

/** Power and provisioning state: a VM shut down from inside stays "Stopped" but allocated. */
export const powerStateProbe: Probe = {
  name: 'power-state',
  tests: [SNAPSHOT, UPDATING],
  plan: (t) => [reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName)],
  evaluate(t, readings) {
    const read = readOf(readings, reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName));
    if (!read.ok) return failedOutcome(this, read, { vmMissing: read.status === 404 });
    const power = statusValue(read.value.statuses, 'PowerState');
    const provisioning = statusValue(read.value.statuses, 'ProvisioningState');
    const values = { powerState: power ?? null, provisioningState: provisioning ?? null };
    const say = verdictsOf('power-state', read, values);

    const snapshot =
      power === 'stopped'
        ? say(
            SNAPSHOT,
            'confirmed',
            `${t.vmName} is Stopped but still allocated: it was shut down from inside the guest, so Azure cannot reach its agent; start it, or stop it from the portal`,
          )
        : power === 'running'
          ? say(SNAPSHOT, 'unknown', `${t.vmName} is running; the guest's DHCP setting cannot be read from Azure`)
          : say(SNAPSHOT, 'unknown', `${t.vmName} power state: ${power ?? 'not reported'}`);
    const updating =
      provisioning === 'updating' || provisioning === 'creating'
        ? say(UPDATING, 'confirmed', `provisioning state of ${t.vmName} is ${provisioning}`)
        : provisioning !== undefined
          ? say(UPDATING, 'ruled_out', `provisioning state of ${t.vmName} is ${provisioning}`)
          : say(UPDATING, 'unknown', 'provisioning state not reported');
    return { status: 'ok', verdicts: [snapshot, updating] };
  },
};
