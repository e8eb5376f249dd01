import type { Lang } from '../../core/types.js';
import { reads } from '../readings.js';
import { failedOutcome, readOf, statusValue, verdictsOf, type Probe } from '../probe.js';

const TRANSIENT = 'vm-transient-state';
const NO_AGENT = 'vm-agent-missing';
const DELETED = 'vm-deleted';
// The same states, as the SQL Server and SAP HANA articles word them for a database's host VM.
const HOST_SHUT_DOWN = 'wl-vm-shutdown';
const HOST_OFF_OR_OFFLINE = 'wl-vm-off-or-no-internet';
const HOST_AGENT = 'wl-guest-agent';
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
    hostDown: (vm: string, power: string) => `the host VM ${vm} is not running (power ${power})`,
    hostUp: (vm: string) => `the host VM ${vm} is running`,
    hostUpNetwork: (vm: string) => `the host VM ${vm} is running; its outbound connectivity cannot be read from Azure`,
    agentReady: (vm: string, version: string) => `the guest agent of ${vm} is Ready (version ${version})`,
    agentNotReady: (vm: string, status: string) => `the guest agent of ${vm} is ${status}`,
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
    hostDown: (vm: string, power: string) => `la VM hôte ${vm} n’est pas démarrée (alimentation ${power})`,
    hostUp: (vm: string) => `la VM hôte ${vm} est démarrée`,
    hostUpNetwork: (vm: string) =>
      `la VM hôte ${vm} est démarrée ; sa connectivité sortante ne se lit pas depuis Azure`,
    agentReady: (vm: string, version: string) => `l’agent invité de ${vm} est « Ready » (version ${version})`,
    agentNotReady: (vm: string, status: string) => `l’agent invité de ${vm} est « ${status} »`,
  },
} as const satisfies Record<Lang, unknown>;

/**
 * Whether the VM is in a state that allows backups: it exists, its provisioning succeeded, its
 * power state is settled, and it reports a VM agent. One instance view read decides all three.
 */
export const vmStateProbe: Probe = {
  name: 'vm-state',
  tests: [TRANSIENT, NO_AGENT, DELETED, HOST_SHUT_DOWN, HOST_OFF_OR_OFFLINE, HOST_AGENT],
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
    const down = power === 'stopped' || power === 'deallocated';
    const hostShutDown = down
      ? say(HOST_SHUT_DOWN, 'implicated', m.hostDown(t.vmName, power))
      : power === 'running'
        ? say(HOST_SHUT_DOWN, 'ruled_out', m.hostUp(t.vmName))
        : say(HOST_SHUT_DOWN, 'unknown', m.other(t.vmName, state));
    const hostOffline = down
      ? say(HOST_OFF_OR_OFFLINE, 'implicated', m.hostDown(t.vmName, power))
      : say(HOST_OFF_OR_OFFLINE, 'unknown', power === 'running' ? m.hostUpNetwork(t.vmName) : m.other(t.vmName, state));
    // Azure's own words for the agent's status ("Ready", "Not Ready"), quoted as read.
    const agentStatus = read.value.vmAgent?.statuses?.[0]?.displayStatus;
    const hostAgent =
      hasAgent && agentStatus?.toLowerCase() === 'ready'
        ? say(HOST_AGENT, 'ruled_out', m.agentReady(t.vmName, agentVersion))
        : power === 'running'
          ? say(
              HOST_AGENT,
              'implicated',
              hasAgent ? m.agentNotReady(t.vmName, agentStatus ?? '?') : m.noAgent(t.vmName),
            )
          : say(HOST_AGENT, 'unknown', m.noAgentStopped(t.vmName, power));
    return { status: 'ok', verdicts: [transient, noAgent, exists, hostShutDown, hostOffline, hostAgent] };
  },
};
