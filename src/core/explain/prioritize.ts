import type { Category, EnrichedCause, Lang, Priority, PriorityContext, PriorityReason } from '../types.js';
import { isReadEvidence } from './rankCauses.js';

type WillNotHeal = Exclude<Category, 'transient' | 'unknown'>;

const TEXT = {
  en: {
    transientOnce: 'Transient failure seen once: the next run usually succeeds.',
    transient: 'Transient failure: may heal on the next run.',
    unknownCode: 'Error code not in the catalog: needs a human look.',
    uncategorised: 'Uncategorised failure.',
    wontHeal: {
      'user-action': 'The failure needs an action on the VM: it will not heal by itself.',
      configuration: 'Configuration failure: it will not heal by itself.',
      'platform-limit': 'A platform limit is reached: the failure will not heal by itself.',
    } satisfies Record<WillNotHeal, string>,
    implicated: (titles: string[]) => `The lookups implicate: ${titles.join('; ')}.`,
    vmDeleted: (vm: string) =>
      `The VM ${vm} no longer exists: every backup of it fails until its protection is stopped (or the VM is restored).`,
    recurrence: (n: number) => `${n} consecutive failures of this item.`,
    rpo2: (h: number, rpo: number) => `No successful backup for ${h} h (over twice the ${rpo} h RPO).`,
    rpo: (h: number, rpo: number) => `No successful backup for ${h} h (over the ${rpo} h RPO).`,
    blast: (n: number) => `${n} items of this vault fail with the same code.`,
    resolved: 'Resolved: a later backup of this item succeeded.',
    warning: 'Completed with warnings: the job made a recovery point, but the warning will repeat until fixed.',
  },
  fr: {
    transientOnce: 'Échec transitoire isolé : la prochaine exécution réussit en général.',
    transient: 'Échec transitoire : peut se résoudre à la prochaine exécution.',
    unknownCode: 'Code d’erreur absent du catalogue : à examiner.',
    uncategorised: 'Échec non catégorisé.',
    wontHeal: {
      'user-action': 'L’échec demande une action sur la VM : il ne se résoudra pas seul.',
      configuration: 'Échec de configuration : il ne se résoudra pas seul.',
      'platform-limit': 'Une limite de la plateforme est atteinte : l’échec ne se résoudra pas seul.',
    } satisfies Record<WillNotHeal, string>,
    implicated: (titles: string[]) =>
      `Les vérifications mettent en cause : ${titles.map((t) => `« ${t} »`).join(' ; ')}.`,
    vmDeleted: (vm: string) =>
      `La VM ${vm} n’existe plus : chaque sauvegarde échouera tant que sa protection n’est pas arrêtée (ou la VM restaurée).`,
    recurrence: (n: number) => `${n} échecs consécutifs de cet élément.`,
    rpo2: (h: number, rpo: number) => `Aucune sauvegarde réussie depuis ${h} h (plus du double du RPO de ${rpo} h).`,
    rpo: (h: number, rpo: number) => `Aucune sauvegarde réussie depuis ${h} h (au-delà du RPO de ${rpo} h).`,
    blast: (n: number) => `${n} éléments de ce coffre échouent avec le même code.`,
    resolved: 'Résolu : une sauvegarde ultérieure de cet élément a réussi.',
    warning:
      'Terminé avec des avertissements : le travail a créé un point de récupération, mais l’avertissement reviendra tant qu’il n’est pas corrigé.',
  },
} as const;

/** The id of the cause a lookup adds when the VM is gone (kept in the catalog as `vmDeleted`). */
const VM_DELETED = 'vm-deleted';

/** Thresholds of the priority rules; see the README's configuration table. */
export interface PriorityThresholds {
  /** Hours without a successful backup the item can tolerate. @default 24 */
  rpoHours: number;
  /** Consecutive failures of the same item that raise the priority one level. @default 3 */
  recurrenceCount: number;
  /** Items of one vault failing with the same code that make it at least P2. @default 5 */
  blastRadiusP2: number;
  /** … and P1. @default 20 */
  blastRadiusP1: number;
}

export const DEFAULT_PRIORITY_THRESHOLDS: PriorityThresholds = Object.freeze({
  rpoHours: 24,
  recurrenceCount: 3,
  blastRadiusP2: 5,
  blastRadiusP1: 20,
});

export type { PriorityContext };

export interface PriorityInput {
  category: Category;
  known: boolean;
  causes: ReadonlyArray<Pick<EnrichedCause, 'id' | 'title' | 'causalVerdict' | 'evidence'>>;
  /** The VM's name, for the reason a deleted VM gives. */
  vmName?: string;
  context: PriorityContext;
  thresholds?: PriorityThresholds;
  lang?: Lang;
}

const LEVELS: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];

/**
 * P1 (act now) to P4 (informational), with every reason that moved it, so the reader can see why
 * a failure is urgent. Each rule can only raise the level, except the first occurrence of a
 * transient failure, which starts low because the next scheduled run usually succeeds, and a
 * failure already resolved by a later success, which is P4 whatever else is true, and a job that
 * completed with warnings, which made a recovery point and is never above P3.
 */
export function prioritize(input: PriorityInput): {
  level: Priority;
  reasons: PriorityReason[];
  context: PriorityContext;
} {
  const t = input.thresholds ?? DEFAULT_PRIORITY_THRESHOLDS;
  const { context } = input;
  const m = TEXT[input.lang ?? 'en'];
  const reasons: PriorityReason[] = [];
  let level = 3;
  const raiseTo = (target: number, rule: string, text: string) => {
    reasons.push({ rule, text });
    if (target < level) level = target;
  };

  const vmDeleted = input.causes.some((cause) => cause.id === VM_DELETED && cause.causalVerdict === 'implicated');
  if (vmDeleted) {
    // A deleted VM explains the failure whatever its code says: it will fail again, every run.
    raiseTo(2, 'vm-deleted', m.vmDeleted(input.vmName ?? '?'));
  } else if (input.category === 'transient') {
    if (context.consecutiveFailures === 1 && (context.hoursSinceLastSuccess ?? 0) < t.rpoHours) {
      level = 4;
      reasons.push({ rule: 'category', text: m.transientOnce });
    } else {
      reasons.push({ rule: 'category', text: m.transient });
    }
  } else if (input.category === 'unknown') {
    reasons.push({ rule: 'category', text: input.known ? m.uncategorised : m.unknownCode });
  } else {
    raiseTo(2, 'category', m.wontHeal[input.category]);
  }

  // Only what a lookup read counts as evidence here: a cause the code itself reports adds nothing to the category.
  const implicated = input.causes.filter(
    (cause) => cause.id !== VM_DELETED && cause.causalVerdict === 'implicated' && cause.evidence.some(isReadEvidence),
  );
  if (implicated.length > 0) raiseTo(2, 'evidence', m.implicated(implicated.map((cause) => cause.title)));

  if (context.consecutiveFailures !== undefined && context.consecutiveFailures >= t.recurrenceCount) {
    raiseTo(Math.max(1, level - 1), 'recurrence', m.recurrence(context.consecutiveFailures));
  }
  if (context.hoursSinceLastSuccess !== undefined) {
    const hours = Math.round(context.hoursSinceLastSuccess);
    if (context.hoursSinceLastSuccess > 2 * t.rpoHours) raiseTo(1, 'rpo', m.rpo2(hours, t.rpoHours));
    else if (context.hoursSinceLastSuccess > t.rpoHours) raiseTo(2, 'rpo', m.rpo(hours, t.rpoHours));
  }
  const blast = context.itemsFailingWithSameCode;
  if (blast !== undefined && blast >= t.blastRadiusP1) raiseTo(1, 'blast-radius', m.blast(blast));
  else if (blast !== undefined && blast >= t.blastRadiusP2) raiseTo(2, 'blast-radius', m.blast(blast));

  if (context.warning === true && level < 3) {
    reasons.unshift({ rule: 'warning', text: m.warning });
    level = 3;
  } else if (context.warning === true) reasons.unshift({ rule: 'warning', text: m.warning });

  if (context.resolved === true) {
    // A later success answers the urgency: what the item's past failures and RPO said no longer holds.
    const stale = new Set(['rpo', 'recurrence', 'blast-radius', 'evidence']);
    const kept = reasons.filter((reason) => !stale.has(reason.rule));
    reasons.splice(0, reasons.length, { rule: 'resolved', text: m.resolved }, ...kept);
    level = 4;
  }
  return { level: LEVELS[level - 1] ?? 'P3', reasons, context: { ...context } };
}
