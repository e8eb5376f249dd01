import { quoted } from '../../core/render/typography.js';
import type { Lang } from '../../core/types.js';
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
/** Azure's power states (`PowerState/<state>`), in French. */
const POWER_FR: Record<string, string> = {
  stopped: 'arrêtée',
  deallocated: 'désallouée',
  starting: 'en cours de démarrage',
  stopping: 'en cours d’arrêt',
  deallocating: 'en cours de désallocation',
};
const LINUX = 'agent-outdated-linux';

const TEXT = {
  en: {
    notRunning: (power: string, display: string) => `the VM is ${power}: its agent cannot report (agent ${display})`,
    notReady: (vm: string, display: string, message: string | undefined) =>
      `agent on ${vm} is ${display}${message ? `: ${message}` : ''}`,
    oldWindows: (version: string, min: string) =>
      `agent Ready but version ${version} is older than the supported minimum ${min}: reinstall the latest`,
    ready: (version: string | undefined) => `agent Ready, version ${version ?? 'unknown'}`,
    readyLinux: (version: string | undefined, min: string) =>
      `agent Ready, version ${version ?? 'unknown'} (minimum ${min})`,
    oldLinux: (version: string, min: string) => `agent version ${version} is older than the supported minimum ${min}`,
    windowsVm: 'Windows VM: the Linux agent cause does not apply',
    linuxVm: 'Linux VM: the Windows agent cause does not apply',
    osUnknown: (display: string) => `agent ${display}; guest OS unknown`,
    noStatus: 'no status',
    osNotRead: (reason: string) => `OS type unknown: ${reason}`,
  },
  fr: {
    notRunning: (power: string, display: string) =>
      `la VM est ${POWER_FR[power] ?? `à l’état ${power}`} : son agent ne peut pas répondre (agent ${display})`,
    notReady: (vm: string, display: string, message: string | undefined) =>
      `l’agent de ${vm} est ${quoted('fr', display)}${message ? ` : ${quoted('fr', message)}` : ''}`,
    oldWindows: (version: string, min: string) =>
      `agent à l’état ${quoted('fr', 'Ready')}, mais sa version ${version} est antérieure au minimum pris en charge ${min} : réinstallez la dernière`,
    ready: (version: string | undefined) => `agent à l’état ${quoted('fr', 'Ready')}, version ${version ?? 'inconnue'}`,
    readyLinux: (version: string | undefined, min: string) =>
      `agent à l’état ${quoted('fr', 'Ready')}, version ${version ?? 'inconnue'} (minimum ${min})`,
    oldLinux: (version: string, min: string) =>
      `la version ${version} de l’agent est antérieure au minimum pris en charge ${min}`,
    windowsVm: 'VM Windows : la cause de l’agent Linux ne s’applique pas',
    linuxVm: 'VM Linux : la cause de l’agent Windows ne s’applique pas',
    osUnknown: (display: string) => `agent ${display} ; système invité inconnu`,
    noStatus: 'sans état',
    osNotRead: (reason: string) => `type de système inconnu : ${reason}`,
  },
} as const satisfies Record<Lang, unknown>;

/** Agent status and version from the instance view, judged per guest OS. */
export const vmAgentProbe: Probe = {
  name: 'vm-agent',
  tests: [WINDOWS, LINUX],
  plan: (t) => [
    reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName),
    reads.vmModel(t.subscriptionId, t.resourceGroup, t.vmName),
  ],
  evaluate(t, readings, context) {
    const m = TEXT[context.lang];
    const ivRead = readOf(readings, reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName));
    const modelRead = readOf(readings, reads.vmModel(t.subscriptionId, t.resourceGroup, t.vmName));
    if (!ivRead.ok) return failedOutcome(this, ivRead, context.lang, { vmMissing: ivRead.status === 404 });
    const iv = ivRead.value;
    const model = modelRead.ok ? modelRead.value : undefined;
    const osType = osTypeOf(model, iv.osName);
    const agent = iv.vmAgent?.statuses?.[0];
    const display = agent?.displayStatus ?? m.noStatus;
    const version = iv.vmAgent?.vmAgentVersion;
    const power = statusValue(iv.statuses, 'PowerState');
    const values = {
      vmAgentStatus: agent?.displayStatus ?? null,
      vmAgentVersion: version ?? null,
      message: agent?.message ?? null,
      osType: osType ?? null,
      powerState: power ?? null,
    };
    const say = verdictsOf('vm-agent', ivRead, values);
    const ready = /^ready$/i.test(agent?.displayStatus ?? '');
    const knownVersion = version !== undefined && /^\d+(\.\d+)+$/.test(version);
    const verdicts: CauseVerdict[] = [];

    if (power !== undefined && power !== 'running' && !ready) {
      const note = m.notRunning(power, display);
      verdicts.push(say(WINDOWS, 'unknown', note), say(LINUX, 'unknown', note));
    } else if (osType === 'windows') {
      if (!ready) verdicts.push(say(WINDOWS, 'implicated', m.notReady(t.vmName, display, agent?.message)));
      else if (knownVersion && compareVersions(version, FACTS.minWindowsAgent) < 0)
        verdicts.push(say(WINDOWS, 'unknown', m.oldWindows(version, FACTS.minWindowsAgent)));
      else verdicts.push(say(WINDOWS, 'ruled_out', m.ready(version)));
      verdicts.push(say(LINUX, 'ruled_out', m.windowsVm));
    } else if (osType === 'linux') {
      if (!ready) verdicts.push(say(LINUX, 'implicated', m.notReady(t.vmName, display, agent?.message)));
      else if (knownVersion && compareVersions(version, FACTS.minLinuxAgent) < 0)
        verdicts.push(say(LINUX, 'implicated', m.oldLinux(version, FACTS.minLinuxAgent)));
      else verdicts.push(say(LINUX, 'ruled_out', m.readyLinux(version, FACTS.minLinuxAgent)));
      verdicts.push(say(WINDOWS, 'ruled_out', m.linuxVm));
    } else {
      const verdict = ready ? 'ruled_out' : 'unknown';
      const summary = ready ? m.ready(version) : m.osUnknown(display);
      verdicts.push(say(WINDOWS, verdict, summary), say(LINUX, verdict, summary));
    }
    const modelFailure = firstFailure(modelRead);
    return {
      status: 'ok',
      verdicts,
      ...(osType !== undefined && { osType, learned: { snapshotExtensionName: FACTS.snapshotExtensions[osType] } }),
      ...(modelFailure !== undefined &&
        osType === undefined && { error: m.osNotRead(modelFailure.text[context.lang]) }),
    };
  },
};
