import type { Lang } from '../../core/types.js';
import { reads, type InstanceStatus } from '../readings.js';
import { failedOutcome, readOf, verdictsOf, type Probe } from '../probe.js';

const CAUSE = 'extension-stuck-deleting';
const SNAPSHOT_TYPE = /(^|\.)VMSnapshot(Linux)?$/i;
const BAD_STATES = new Set(['deleting', 'failed']);

const TEXT = {
  en: {
    missing: (vm: string) => `no backup extension on ${vm}: the next backup installs it`,
    stuck: (name: string, vm: string, state: string) =>
      `backup extension ${name} of ${vm} is in provisioning state ${state}`,
    fine: (name: string, vm: string) => `backup extension ${name} of ${vm}: provisioning succeeded`,
    other: (name: string, vm: string, state: string | undefined) =>
      `backup extension ${name} of ${vm}: state ${state ?? 'not reported'}`,
  },
  fr: {
    missing: (vm: string) => `aucune extension de sauvegarde sur ${vm} : la prochaine sauvegarde l’installe`,
    stuck: (name: string, vm: string, state: string) =>
      `l’extension de sauvegarde ${name} de ${vm} est dans l’état d’approvisionnement ${state}`,
    fine: (name: string, vm: string) => `extension de sauvegarde ${name} de ${vm} : approvisionnement réussi`,
    other: (name: string, vm: string, state: string | undefined) =>
      `extension de sauvegarde ${name} de ${vm} : état ${state ?? 'non signalé'}`,
  },
} as const satisfies Record<Lang, unknown>;

function stateOf(statuses: readonly InstanceStatus[] | undefined): string | undefined {
  const code = statuses?.find((status) => /^ProvisioningState\//i.test(status.code ?? ''))?.code;
  return code?.split('/')[1]?.toLowerCase();
}

/**
 * Whether the backup extension (VMSnapshot / VMSnapshotLinux) is stuck in a state that stops the
 * backup: the VM model's extension provisioning state, and the instance view's extension status.
 */
export const extensionDeletingProbe: Probe = {
  name: 'extension-deleting',
  tests: [CAUSE],
  plan: (t) => [
    reads.vmModel(t.subscriptionId, t.resourceGroup, t.vmName),
    reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName),
  ],
  evaluate(t, readings, context) {
    const m = TEXT[context.lang];
    const model = readOf(readings, reads.vmModel(t.subscriptionId, t.resourceGroup, t.vmName));
    if (!model.ok) return failedOutcome(this, model, context.lang, { vmMissing: model.status === 404 });
    const view = readOf(readings, reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName));
    const extension = (model.value.resources ?? []).find(
      (resource) => SNAPSHOT_TYPE.test(resource.typePropertiesType ?? '') || SNAPSHOT_TYPE.test(resource.name ?? ''),
    );
    const reported = view.ok
      ? view.value.extensions?.find(
          (candidate) => SNAPSHOT_TYPE.test(candidate.type ?? '') || SNAPSHOT_TYPE.test(candidate.name ?? ''),
        )
      : undefined;
    const modelState = extension?.provisioningState?.toLowerCase();
    const viewState = stateOf(reported?.statuses);
    const name = extension?.name ?? reported?.name;
    const values = { extension: name ?? null, provisioningState: modelState ?? null, status: viewState ?? null };
    const say = verdictsOf('extension-deleting', model, values);
    if (name === undefined) return { status: 'ok', verdicts: [say(CAUSE, 'unknown', m.missing(t.vmName))] };
    const learned = { learned: { snapshotExtensionName: name } };
    const bad = [modelState, viewState].find((state) => state !== undefined && BAD_STATES.has(state));
    if (bad !== undefined)
      return { status: 'ok', verdicts: [say(CAUSE, 'implicated', m.stuck(name, t.vmName, bad))], ...learned };
    if (modelState === 'succeeded')
      return { status: 'ok', verdicts: [say(CAUSE, 'ruled_out', m.fine(name, t.vmName))], ...learned };
    return {
      status: 'ok',
      verdicts: [say(CAUSE, 'unknown', m.other(name, t.vmName, modelState ?? viewState))],
      ...learned,
    };
  },
};
