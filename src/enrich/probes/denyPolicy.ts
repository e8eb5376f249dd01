import type { Lang } from '../../core/types.js';
import { defaultRestorePointGroup } from '../restorePointGroups.js';
import { reads, type PolicyAssignment, type PolicyDefinition, type ReadResult } from '../readings.js';
import { evidence, failedOutcome, readOf, type Probe, type ProbeTarget, type Readings } from '../probe.js';

const CAUSE = 'deny-policy-on-rp-group';
const DEFINITION = /\/providers\/Microsoft\.Authorization\/policyDefinitions\/[^/]+$/i;
const PARAMETER = /^\[parameters\('([^']+)'\)\]$/i;
/** Definitions read per finding: enough for real estates, bounded for hostile ones. */
const MAX_DEFINITIONS = 20;

const TEXT = {
  en: {
    noRegion: 'state unknown: the region of the vault is not in the event',
    noRegionError: 'the region is unknown, so is the restore-point resource group',
    subscription: (subscription: string, group: string) => `subscription ${subscription} (${group} does not exist yet)`,
    initiative: (name: string) => `${name} (initiative not expanded)`,
    denies: (assignment: string, definition: string, where: string, more: number) =>
      `policy assignment ${assignment} (${definition}, effect Deny) applies to ${where}${more > 0 ? `, with ${more} more` : ''}`,
    notRead: (where: string, unread: string) =>
      `no Deny effect among the assignments read for ${where}; not read: ${unread}`,
    none: (count: number, where: string) =>
      `none of the ${count} policy assignments that apply to ${where} has a Deny effect`,
  },
  fr: {
    noRegion: 'état inconnu : la région du coffre ne figure pas dans l’événement',
    noRegionError: 'la région est inconnue, donc aussi le groupe de ressources des points de restauration',
    subscription: (subscription: string, group: string) =>
      `l’abonnement ${subscription} (${group} n’existe pas encore)`,
    initiative: (name: string) => `${name} (initiative non développée)`,
    denies: (assignment: string, definition: string, where: string, more: number) =>
      `l’affectation de stratégie ${assignment} (${definition}, effet Deny) s’applique à ${where}${more > 0 ? `, avec ${more} autre(s)` : ''}`,
    notRead: (where: string, unread: string) =>
      `aucun effet Deny parmi les affectations lues pour ${where} ; non lues : ${unread}`,
    none: (count: number, where: string) =>
      `aucune des ${count} affectations de stratégie qui s’appliquent à ${where} n’a d’effet Deny`,
  },
} as const satisfies Record<Lang, unknown>;

/** The group Azure Backup keeps restore points in: where a Deny policy stops it. */
function groupOf(t: ProbeTarget): string | undefined {
  return defaultRestorePointGroup(t);
}

function definitionsOf(assignments: readonly PolicyAssignment[]): string[] {
  const ids = assignments
    .filter((assignment) => assignment.enforcementMode?.toLowerCase() !== 'donotenforce')
    .map((assignment) => assignment.policyDefinitionId)
    .filter((id): id is string => id !== undefined && DEFINITION.test(id));
  return [...new Set(ids.map((id) => id.toLowerCase()))].slice(0, MAX_DEFINITIONS);
}

/** The effect an assignment gives its definition: the rule's literal, or the parameter it names. */
export function effectOf(assignment: PolicyAssignment, definition: PolicyDefinition): string | undefined {
  const rule = definition.policyRule as { then?: { effect?: unknown } } | undefined;
  const effect = rule?.then?.effect;
  if (typeof effect !== 'string') return undefined;
  const parameter = PARAMETER.exec(effect.trim())?.[1];
  if (parameter === undefined) return effect;
  const value = assignment.parameters?.[parameter]?.value ?? definition.parameters?.[parameter]?.defaultValue;
  return typeof value === 'string' ? value : undefined;
}

function definitionRead(t: ProbeTarget, readings: Readings, id: string): ReadResult<PolicyDefinition> {
  return readOf(readings, reads.policyDefinition(t.subscriptionId, id));
}

/**
 * Policy assignments with a Deny effect that apply to the restore-point resource group
 * (`AzureBackupRG_<region>_1`), or to its subscription when the group does not exist: an Azure
 * Policy that denies what Azure Backup creates there fails the snapshot.
 */
export const denyPolicyProbe: Probe = {
  name: 'deny-policy',
  tests: [CAUSE],
  plan(t) {
    const group = groupOf(t);
    return group === undefined ? [] : [reads.policyAssignments(t.subscriptionId, group)];
  },
  followUp(t, readings) {
    const group = groupOf(t);
    if (group === undefined) return [];
    const listing = readOf(readings, reads.policyAssignments(t.subscriptionId, group));
    return listing.ok
      ? definitionsOf(listing.value.assignments).map((id) => reads.policyDefinition(t.subscriptionId, id))
      : [];
  },
  evaluate(t, readings, context) {
    const m = TEXT[context.lang];
    const group = groupOf(t);
    if (group === undefined) {
      return {
        status: 'skipped',
        error: m.noRegionError,
        verdicts: [
          { causeId: CAUSE, verdict: 'unknown', evidence: { ...evidence('deny-policy', m.noRegion), unread: true } },
        ],
      };
    }
    const listing = readOf(readings, reads.policyAssignments(t.subscriptionId, group));
    if (!listing.ok) return failedOutcome(this, listing, context.lang);
    const where = listing.value.scope === 'resourceGroup' ? group : m.subscription(t.subscriptionId, group);
    const denying: Array<{ assignment: PolicyAssignment; definition: PolicyDefinition }> = [];
    const unread: string[] = [];
    for (const assignment of listing.value.assignments) {
      if (assignment.enforcementMode?.toLowerCase() === 'donotenforce') continue;
      const id = assignment.policyDefinitionId;
      if (id === undefined || !DEFINITION.test(id)) {
        unread.push(m.initiative(assignment.name ?? '?'));
        continue;
      }
      const read = definitionRead(t, readings, id.toLowerCase());
      if (!read.ok) {
        unread.push(`${assignment.name ?? '?'} (${read.text[context.lang]})`);
        continue;
      }
      if (effectOf(assignment, read.value)?.toLowerCase() === 'deny')
        denying.push({ assignment, definition: read.value });
    }
    const values = {
      scope: where,
      assignments: listing.value.assignments.map((assignment) => assignment.name ?? assignment.id),
      denying: denying.map(({ assignment }) => assignment.name),
      unread,
    };
    const first = denying[0];
    if (first !== undefined) {
      const named = first.definition.displayName ?? first.definition.name ?? first.assignment.policyDefinitionId;
      return {
        status: 'ok',
        verdicts: [
          {
            causeId: CAUSE,
            verdict: 'implicated',
            evidence: evidence(
              'deny-policy',
              m.denies(
                first.assignment.displayName ?? first.assignment.name ?? '?',
                named ?? '?',
                where,
                denying.length - 1,
              ),
              listing,
              values,
            ),
          },
        ],
        learned: { rpResourceGroup: group },
      };
    }
    const verdict = unread.length > 0 ? ('unknown' as const) : ('ruled_out' as const);
    const summary =
      unread.length > 0 ? m.notRead(where, unread.join(', ')) : m.none(listing.value.assignments.length, where);
    return {
      status: 'ok',
      verdicts: [{ causeId: CAUSE, verdict, evidence: evidence('deny-policy', summary, listing, values) }],
      learned: { rpResourceGroup: group },
    };
  },
};
