import { quoted } from '../core/render/typography.js';
import type { Lang, Localized } from '../core/types.js';
import type { ReadRequest } from './readings.js';

/** Why a read failed, as data: the words come from `readFailureText`, in every language. */
export type ReadFailureCause =
  | { kind: 'timeout'; deadline: boolean }
  | { kind: 'not-read' }
  | { kind: 'malformed' }
  | { kind: 'http'; status: number; code?: string; message?: string }
  | { kind: 'no-answer'; code?: string; message?: string };

const TEXT = {
  en: {
    scope: (request: ReadRequest): string => {
      switch (request.kind) {
        case 'vm.instanceView':
        case 'vm.model':
        case 'rg.locks':
        case 'rpc.get':
          return `resource group ${request.resourceGroup} (subscription ${request.subscriptionId})`;
        case 'keyvault.get':
          return `key vault ${request.name} (resource group ${request.resourceGroup})`;
        case 'sub.restorePointCollections':
          return `subscription ${request.subscriptionId}`;
        case 'vault.runningJobs':
          return `vault ${request.vaultName} (Backup Reader)`;
        case 'workspace.history':
          return `Log Analytics workspace ${request.workspaceId} (Log Analytics Reader)`;
        case 'policy.assignments':
          return `subscription ${request.subscriptionId} (policy assignments)`;
        case 'policy.definition':
          return `the scope of policy definition ${request.definitionId.split('/').pop()}`;
      }
    },
    missing: (request: ReadRequest): string => {
      switch (request.kind) {
        case 'vm.instanceView':
        case 'vm.model':
          return `VM ${request.name} not found in ${request.resourceGroup}: it was deleted or moved`;
        case 'rg.locks':
          return `resource group ${request.resourceGroup} not found`;
        case 'rpc.get':
          return `restore point collection ${request.name} not found`;
        case 'keyvault.get':
          return `key vault ${request.name} not found`;
        case 'sub.restorePointCollections':
          return `subscription ${request.subscriptionId} not found`;
        case 'vault.runningJobs':
          return `vault ${request.vaultName} not found`;
        case 'workspace.history':
          return `workspace ${request.workspaceId} not found`;
        case 'policy.assignments':
          return `subscription ${request.subscriptionId} not found`;
        case 'policy.definition':
          return `policy definition ${request.definitionId.split('/').pop()} not found`;
      }
    },
    timeout: (deadline: boolean) => (deadline ? 'timed out: the batch deadline passed' : 'timed out'),
    notRead: 'timed out: the batch deadline passed before this read',
    malformed: 'the answer could not be read (malformed response): retried at the next batch',
    unauthorized: "401: the credential was refused: check the app's managed identity",
    forbidden: (scope: string) => `403: the identity needs Reader on ${scope}`,
    notFound: (what: string) => `404: ${what}`,
    throttled: '429: still throttled after the retries (Retry-After honoured): too many reads in this subscription',
    serverError: (status: number, code: string) =>
      `${status}:${code} Azure failed to answer; it is retried at the next batch`,
    noAnswer: (what: string) => `no answer: ${what}`,
  },
  fr: {
    scope: (request: ReadRequest): string => {
      switch (request.kind) {
        case 'vm.instanceView':
        case 'vm.model':
        case 'rg.locks':
        case 'rpc.get':
          return `le groupe de ressources ${request.resourceGroup} (abonnement ${request.subscriptionId})`;
        case 'keyvault.get':
          return `le coffre de clés ${request.name} (groupe de ressources ${request.resourceGroup})`;
        case 'sub.restorePointCollections':
          return `l’abonnement ${request.subscriptionId}`;
        case 'vault.runningJobs':
          return `le coffre ${request.vaultName} (rôle ${quoted('fr', 'Backup Reader')})`;
        case 'workspace.history':
          return `l’espace de travail Log Analytics ${request.workspaceId} (rôle ${quoted('fr', 'Log Analytics Reader')})`;
        case 'policy.assignments':
          return `l’abonnement ${request.subscriptionId} (affectations de stratégie)`;
        case 'policy.definition':
          return `la portée de la définition de stratégie ${request.definitionId.split('/').pop()}`;
      }
    },
    missing: (request: ReadRequest): string => {
      switch (request.kind) {
        case 'vm.instanceView':
        case 'vm.model':
          return `VM ${request.name} introuvable dans ${request.resourceGroup} : elle a été supprimée ou déplacée`;
        case 'rg.locks':
          return `groupe de ressources ${request.resourceGroup} introuvable`;
        case 'rpc.get':
          return `collection de points de restauration ${request.name} introuvable`;
        case 'keyvault.get':
          return `coffre de clés ${request.name} introuvable`;
        case 'sub.restorePointCollections':
          return `abonnement ${request.subscriptionId} introuvable`;
        case 'vault.runningJobs':
          return `coffre ${request.vaultName} introuvable`;
        case 'workspace.history':
          return `espace de travail ${request.workspaceId} introuvable`;
        case 'policy.assignments':
          return `abonnement ${request.subscriptionId} introuvable`;
        case 'policy.definition':
          return `définition de stratégie ${request.definitionId.split('/').pop()} introuvable`;
      }
    },
    timeout: (deadline: boolean) => (deadline ? 'délai dépassé : l’échéance du lot est passée' : 'délai dépassé'),
    notRead: 'délai dépassé : l’échéance du lot est passée avant cette lecture',
    malformed: 'la réponse n’a pas pu être lue (réponse mal formée) : nouvelle lecture au prochain lot',
    unauthorized: '401 : les identifiants ont été refusés : vérifiez l’identité managée de l’application',
    forbidden: (scope: string) => `403 : l’identité a besoin du rôle ${quoted('fr', 'Reader')} sur ${scope}`,
    notFound: (what: string) => `404 : ${what}`,
    throttled:
      '429 : toujours limité après les nouvelles tentatives (Retry-After respecté) : trop de lectures dans cet abonnement',
    serverError: (status: number, code: string) =>
      `${status} :${code} Azure n’a pas répondu ; nouvelle lecture au prochain lot`,
    noAnswer: (what: string) => `aucune réponse : ${what}`,
  },
} as const satisfies Record<Lang, unknown>;

function say(lang: Lang, request: ReadRequest | undefined, cause: ReadFailureCause): string {
  const t = TEXT[lang];
  switch (cause.kind) {
    case 'timeout':
      return t.timeout(cause.deadline);
    case 'not-read':
      return t.notRead;
    case 'malformed':
      return t.malformed;
    case 'no-answer':
      return t.noAnswer(`${cause.code ?? 'error'} ${(cause.message ?? '').slice(0, 120)}`.trim());
    case 'http': {
      const code = cause.code ? ` ${cause.code}` : '';
      if (cause.status === 401) return t.unauthorized;
      if (cause.status === 403 && request !== undefined) return t.forbidden(t.scope(request));
      if (cause.status === 404 && request !== undefined) return t.notFound(t.missing(request));
      if (cause.status === 429) return t.throttled;
      if (cause.status >= 500) return t.serverError(cause.status, code);
      return `${cause.status}${lang === 'fr' ? ' ' : ''}:${code} ${(cause.message ?? '').slice(0, 160)}`;
    }
  }
}

/**
 * What a failed read means and what to do about it ("403: grant Reader on …"), in every
 * language: the reader (an adapter) records why it failed, the probes say it to the operator.
 */
export function readFailureText(request: ReadRequest | undefined, cause: ReadFailureCause): Localized {
  return { en: say('en', request, cause), fr: say('fr', request, cause) };
}
