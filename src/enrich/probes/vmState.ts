import type { Lang } from '../../core/types.js';
import { reads } from '../readings.js';
import { failedOutcome, readOf, statusValue, verdictsOf, type Probe } from '../probe.js';

const TRANSIENT = 'vm-transient-state';
const NO_AGENT = 'vm-agent-missing';
const DELETED = 'vm-deleted';
/** States that allow a backup (the VM article: Running, Stopped, Stopped (deallocated)). */
const STABLE_POWER = new Set(['running', 'stopped', 'deallocated']);
const MOVING_POWER = new Set(['starting', 'stopping', 'deallocating']);

const TEXT = {
  en: {
    state: (provisioning: string | undefined, power: string | undefined) =>
      `provisioning ${provisioning ?? 'not reported'}, power ${power ?? 'not reported'}`,
    notAllowed: (vm: string, state: string) => `${vm} is not in a state that allows backups: ${state}`,
    allowed: (vm: string, state: string) => `${vm} is in a state that allows backups: ${state}`,
    other: (vm: string, state: string) => `${vm}: ${state}`,
    agent: (vm: string, version: string) => `${vm} reports VM agent ${version}`,
    noAgent: (vm: string) => `${vm} is running but reports no VM agent`,
    noAgentStopped: (vm: string, power: string | undefined) =>
      `${vm} reports no VM agent, but it is not running (power ${power ?? 'not reported'})`,
    gone: (vm: string, group: string) =>
      `${vm} was not found in resource group ${group} (404): it was deleted or moved`,
    exists: (vm: string, group: string) => `${vm} exists in resource group ${group}`,
  },
  fr: {
    state: (provisioning: string | undefined, power: string | undefined) =>
      `approvisionnement ${provisioning ?? 'non signalé'}, alimentation ${power ?? 'non signalée'}`,
    notAllowed: (vm: string, state: string) => `${vm} n’est pas dans un état qui permet la sauvegarde : ${state}`,
    allowed: (vm: string, state: string) => `${vm} est dans un état qui permet la sauvegarde : ${state}`,
    other: (vm: string, state: string) => `${vm} : ${state}`,
    agent: (vm: string, version: string) => `${vm} signale l’agent de VM ${version}`,
    noAgent: (vm: string) => `${vm} est démarrée mais ne signale aucun agent de VM`,
    noAgentStopped: (vm: string, power: string | undefined) =>
      `${vm} ne signale aucun agent de VM, mais elle n’est pas démarrée (alimentation ${power ?? 'non signalée'})`,
    gone: (vm: string, group: string) =>
      `${vm} est introuvable dans le groupe de ressources ${group} (404) : elle a été supprimée ou déplacée`,
    exists: (vm: string, group: string) => `${vm} existe dans le groupe de ressources ${group}`,
  },
} as const satisfies Record<Lang, unknown>;

/**
 * Whether the VM is in a state that allows backups: it exists, its provisioning succeeded, its
 * power state is settled, and it reports a VM agent. One instance view read decides all three.
 */
export const vmStateProbe: Probe = {
  name: 'vm-state',
  tests: [TRANSIENT, NO_AGENT, DELETED],
  plan: (t) => [reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName)],
  evaluate(t, readings, context) {
    const m = TEXT[context.lang];
    const read = readOf(readings, reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName));
    if (!read.ok) {
      const outcome = failedOutcome(this, read, context.lang, { vmMissing: read.status === 404 });
      if (read.status !== 404) return outcome;
      const gone = {
        causeId: DELETED,
        verdict: 'implicated' as const,
        evidence: { probe: 'vm-state', summary: m.gone(t.vmName, t.resourceGroup), api: read.api, at: read.at },
      };
      return { ...outcome, verdicts: [...outcome.verdicts.filter((verdict) => verdict.causeId !== DELETED), gone] };
    }
    const provisioning = statusValue(read.value.statuses, 'ProvisioningState');
    const power = statusValue(read.value.statuses, 'PowerState');
    const agentVersion = read.value.vmAgent?.vmAgentVersion;
    const values = {
      provisioningState: provisioning ?? null,
      powerState: power ?? null,
      vmAgentVersion: agentVersion ?? null,
    };
    const say = verdictsOf('vm-state', read, values);
    const state = m.state(provisioning, power);

    const failed = provisioning !== undefined && provisioning !== 'succeeded';
    const moving = power !== undefined && MOVING_POWER.has(power);
    const transient =
      failed || moving
        ? say(TRANSIENT, 'implicated', m.notAllowed(t.vmName, state))
        : provisioning === 'succeeded' && power !== undefined && STABLE_POWER.has(power)
          ? say(TRANSIENT, 'ruled_out', m.allowed(t.vmName, state))
          : say(TRANSIENT, 'unknown', m.other(t.vmName, state));
    const hasAgent = agentVersion !== undefined && agentVersion.toLowerCase() !== 'unknown';
    const noAgent = hasAgent
      ? say(NO_AGENT, 'ruled_out', m.agent(t.vmName, agentVersion))
      : power === 'running'
        ? say(NO_AGENT, 'implicated', m.noAgent(t.vmName))
        : say(NO_AGENT, 'unknown', m.noAgentStopped(t.vmName, power));
    const exists = say(DELETED, 'ruled_out', m.exists(t.vmName, t.resourceGroup));
    return { status: 'ok', verdicts: [transient, noAgent, exists] };
  },
};
