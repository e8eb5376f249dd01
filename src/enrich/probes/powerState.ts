import { quoted } from '../../core/render/typography.js';
import type { Lang } from '../../core/types.js';
import { reads } from '../readings.js';
import { failedOutcome, readOf, statusValue, verdictsOf, type Probe } from '../probe.js';

const SNAPSHOT = 'snapshot-not-taken';
const UPDATING = 'vm-provisioning-updating';

const TEXT = {
  en: {
    stopped: (vm: string) =>
      `${vm} is Stopped but still allocated: it was shut down from inside the guest, so Azure cannot reach its agent; start it, or stop it from the portal`,
    running: (vm: string) => `${vm} is running; the guest's DHCP setting cannot be read from Azure`,
    power: (vm: string, power: string | undefined) => `${vm} power state: ${power ?? 'not reported'}`,
    provisioning: (vm: string, state: string) => `provisioning state of ${vm} is ${state}`,
    noProvisioning: 'provisioning state not reported',
  },
  fr: {
    stopped: (vm: string) =>
      `${vm} est arrêtée mais toujours allouée : elle a été éteinte depuis l’invité, Azure ne peut donc pas joindre son agent ; démarrez-la, ou arrêtez-la depuis le portail`,
    running: (vm: string) => `${vm} est démarrée ; le réglage DHCP de l’invité ne se lit pas depuis Azure`,
    power: (vm: string, power: string | undefined) =>
      `état d’alimentation de ${vm} : ${power !== undefined ? quoted('fr', power) : 'non signalé'}`,
    provisioning: (vm: string, state: string) => `état d’approvisionnement de ${vm} : ${quoted('fr', state)}`,
    noProvisioning: 'état d’approvisionnement non signalé',
  },
} as const satisfies Record<Lang, unknown>;

/** Power and provisioning state: a VM shut down from inside stays "Stopped" but allocated. */
export const powerStateProbe: Probe = {
  name: 'power-state',
  tests: [SNAPSHOT, UPDATING],
  plan: (t) => [reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName)],
  evaluate(t, readings, context) {
    const m = TEXT[context.lang];
    const read = readOf(readings, reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName));
    if (!read.ok) return failedOutcome(this, read, context.lang, { vmMissing: read.status === 404 });
    const power = statusValue(read.value.statuses, 'PowerState');
    const provisioning = statusValue(read.value.statuses, 'ProvisioningState');
    const values = { powerState: power ?? null, provisioningState: provisioning ?? null };
    const say = verdictsOf('power-state', read, values);

    const snapshot =
      power === 'stopped'
        ? say(SNAPSHOT, 'implicated', m.stopped(t.vmName))
        : power === 'running'
          ? say(SNAPSHOT, 'unknown', m.running(t.vmName))
          : say(SNAPSHOT, 'unknown', m.power(t.vmName, power));
    const updating =
      provisioning === 'updating' || provisioning === 'creating'
        ? say(UPDATING, 'implicated', m.provisioning(t.vmName, provisioning))
        : provisioning !== undefined
          ? say(UPDATING, 'ruled_out', m.provisioning(t.vmName, provisioning))
          : say(UPDATING, 'unknown', m.noProvisioning);
    return { status: 'ok', verdicts: [snapshot, updating] };
  },
};
