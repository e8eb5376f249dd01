import { FACTS } from '../facts.js';
import { reads } from '../readings.js';
import {
  compareVersions,
  failedOutcome,
  firstFailure,
  osTypeOf,
  readOf,
  statusValue,
  verdictsOf,
  type CauseVerdict,
  type Probe,
} from '../probe.js';

const WINDOWS = 'agent-unresponsive-windows';
const LINUX = 'agent-outdated-linux';

/** Agent status and version from the instance view, judged per guest OS. */
export const vmAgentProbe: Probe = {
  name: 'vm-agent',
  tests: [WINDOWS, LINUX],
  plan: (t) => [
    reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName),
    reads.vmModel(t.subscriptionId, t.resourceGroup, t.vmName),
  ],
  evaluate(t, readings) {
    const ivRead = readOf(readings, reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName));
    const modelRead = readOf(readings, reads.vmModel(t.subscriptionId, t.resourceGroup, t.vmName));
    if (!ivRead.ok) return failedOutcome(this, ivRead, { vmMissing: ivRead.status === 404 });
    const iv = ivRead.value;
    const model = modelRead.ok ? modelRead.value : undefined;
    const osType = osTypeOf(model, iv.osName);
    const agent = iv.vmAgent?.statuses?.[0];
    const display = agent?.displayStatus ?? 'no status';
    const version = iv.vmAgent?.vmAgentVersion;
    const power = statusValue(iv.statuses, 'PowerState');
    const values = {
      vmAgentStatus: display,
      vmAgentVersion: version ?? null,
      message: agent?.message ?? null,
      osType: osType ?? null,
      powerState: power ?? null,
    };
    const say = verdictsOf('vm-agent', ivRead, values);
    const ready = /^ready$/i.test(display);
    const knownVersion = version !== undefined && /^\d+(\.\d+)+$/.test(version);
    const verdicts: CauseVerdict[] = [];

    if (power !== undefined && power !== 'running' && !ready) {
      const note = `the VM is ${power}: its agent cannot report (agent ${display})`;
      verdicts.push(say(WINDOWS, 'unknown', note), say(LINUX, 'unknown', note));
    } else if (osType === 'windows') {
      if (!ready)
        verdicts.push(
          say(WINDOWS, 'confirmed', `agent on ${t.vmName} is ${display}${agent?.message ? `: ${agent.message}` : ''}`),
        );
      else if (knownVersion && compareVersions(version, FACTS.minWindowsAgent) < 0) {
        verdicts.push(
          say(
            WINDOWS,
            'unknown',
            `agent Ready but version ${version} is older than the supported minimum ${FACTS.minWindowsAgent}: reinstall the latest`,
          ),
        );
      } else verdicts.push(say(WINDOWS, 'ruled_out', `agent Ready, version ${version ?? 'unknown'}`));
      verdicts.push(say(LINUX, 'ruled_out', 'Windows VM: the Linux agent cause does not apply'));
    } else if (osType === 'linux') {
      if (!ready)
        verdicts.push(
          say(LINUX, 'confirmed', `agent on ${t.vmName} is ${display}${agent?.message ? `: ${agent.message}` : ''}`),
        );
      else if (knownVersion && compareVersions(version, FACTS.minLinuxAgent) < 0) {
        verdicts.push(
          say(
            LINUX,
            'confirmed',
            `agent version ${version} is older than the supported minimum ${FACTS.minLinuxAgent}`,
          ),
        );
      } else
        verdicts.push(
          say(LINUX, 'ruled_out', `agent Ready, version ${version ?? 'unknown'} (minimum ${FACTS.minLinuxAgent})`),
        );
      verdicts.push(say(WINDOWS, 'ruled_out', 'Linux VM: the Windows agent cause does not apply'));
    } else {
      const verdict = ready ? 'ruled_out' : 'unknown';
      const summary = ready ? `agent Ready, version ${version ?? 'unknown'}` : `agent ${display}; guest OS unknown`;
      verdicts.push(say(WINDOWS, verdict, summary), say(LINUX, verdict, summary));
    }
    const modelFailure = firstFailure(modelRead);
    return {
      status: 'ok',
      verdicts,
      ...(osType !== undefined && { osType, learned: { snapshotExtensionName: FACTS.snapshotExtensions[osType] } }),
      ...(modelFailure !== undefined && osType === undefined && { error: `OS type unknown: ${modelFailure.reason}` }),
    };
  },
};
