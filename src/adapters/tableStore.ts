import { createHash } from 'node:crypto';

import type { TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { odata, TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';

import type { FindingState } from '../core/notify/types.js';
import type { EnrichedEvent, RejectedRecord } from '../core/types.js';
import type { GroupState, NotificationStore, OutboxMessage, Versioned } from '../pipeline/store.js';
import { fromChunks, toChunks } from './tableChunks.js';

/** Where the tables are: a connection string (Azurite, local) or an endpoint and a credential (Azure). */
export type TableConnection = { connectionString: string } | { endpoint: string; credential: TokenCredential };

export interface TableStoreOptions {
  /** Table names are `<prefix>findings`, `<prefix>outbox`, `<prefix>events`, `<prefix>rejected`. @default "triage" */
  prefix?: string;
}

const SCHEMA = '1.0';
const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 40);

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string };

/** Day partition of an event (UTC) from its job start, else its reception. */
export function dayOf(event: { job: { startedAt: string | null }; receivedAt: string }): string {
  return (event.job.startedAt ?? event.receivedAt).slice(0, 10);
}

/**
 * Azure Table storage behind the notification stage: open findings (dedup state and storm groups),
 * the outbox, the enriched events by day, and the rejected records. Concurrency is optimistic:
 * every replace carries the ETag it read, and a `412`/`409` comes back as `conflict`.
 */
export class TableStore implements NotificationStore {
  /** Table operations sent (each HTTP request, retries included). */
  operations = 0;
  readonly findings: TableClient;
  readonly outbox: TableClient;
  readonly events: TableClient;
  readonly rejected: TableClient;

  constructor(connection: TableConnection, options: TableStoreOptions = {}) {
    const prefix = options.prefix ?? 'triage';
    const count: PipelinePolicy = {
      name: 'countTableOperations',
      sendRequest: (request, next) => {
        this.operations += 1;
        return next(request);
      },
    };
    const clientOptions = { additionalPolicies: [{ policy: count, position: 'perRetry' as const }] };
    const make = (name: string) =>
      'connectionString' in connection
        ? TableClient.fromConnectionString(connection.connectionString, `${prefix}${name}`, { ...clientOptions, allowInsecureConnection: true })
        : new TableClient(`${connection.endpoint.replace(/\/$/, '')}`, `${prefix}${name}`, connection.credential, clientOptions);
    this.findings = make('findings');
    this.outbox = make('outbox');
    this.events = make('events');
    this.rejected = make('rejected');
  }

  /** Creates the tables when missing (idempotent). */
  async ensureTables(): Promise<void> {
    await Promise.all([this.findings, this.outbox, this.events, this.rejected].map((client) => client.createTable()));
  }

  async getFinding(partitionKey: string, rowKey: string): Promise<Versioned<FindingState> | undefined> {
    try {
      const entity = await this.findings.getEntity<Record<string, unknown>>(partitionKey, rowKey);
      return { value: toFinding(entity), etag: entity.etag };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async listItemFindings(partitionKey: string): Promise<Array<Versioned<FindingState>>> {
    const out: Array<Versioned<FindingState>> = [];
    for await (const entity of this.findings.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` } })) {
      out.push({ value: toFinding(entity), etag: entity.etag });
    }
    return out;
  }

  async saveFinding(state: FindingState, etag: string | undefined): Promise<'saved' | 'conflict'> {
    const entity = fromFinding(state);
    try {
      if (etag === undefined) await this.findings.createEntity(entity);
      else await this.findings.updateEntity(entity, 'Replace', { etag });
      return 'saved';
    } catch (error) {
      if (statusOf(error) === 409 || statusOf(error) === 412) return 'conflict';
      throw error;
    }
  }

  async getGroup(key: string): Promise<GroupState | undefined> {
    try {
      const entity = await this.findings.getEntity<Record<string, unknown>>('group', hash(key));
      return {
        key,
        count: Number(entity['count']),
        items: JSON.parse(String(entity['items'] ?? '[]')) as string[],
        messageId: typeof entity['messageId'] === 'string' && entity['messageId'] !== '' ? entity['messageId'] : null,
        etag: entity.etag,
      };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async saveGroup(group: GroupState): Promise<'saved' | 'conflict'> {
    const entity: Entity = { partitionKey: 'group', rowKey: hash(group.key), key: group.key, count: group.count, items: JSON.stringify(group.items.slice(0, 500)), messageId: group.messageId ?? '' };
    try {
      if (group.etag === undefined) await this.findings.createEntity(entity);
      else await this.findings.updateEntity(entity, 'Replace', { etag: group.etag });
      return 'saved';
    } catch (error) {
      if (statusOf(error) === 409 || statusOf(error) === 412) return 'conflict';
      throw error;
    }
  }

  async enqueue(message: OutboxMessage): Promise<{ etag: string } | 'exists'> {
    try {
      const response = await this.outbox.createEntity(fromMessage(message));
      return { etag: response.etag ?? '' };
    } catch (error) {
      if (statusOf(error) === 409) return 'exists';
      throw error;
    }
  }

  async claim(id: string, now: Date, leaseMs: number): Promise<OutboxMessage | undefined> {
    let entity: TableEntityResult<Record<string, unknown>>;
    try {
      entity = await this.outbox.getEntity<Record<string, unknown>>('outbox', id);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
    const message = toMessage(entity);
    const due = message.status === 'pending' || (message.status === 'sending' && (message.leaseUntil ?? '') < now.toISOString());
    if (!due) return undefined;
    const claimed: OutboxMessage = { ...message, status: 'sending', leaseUntil: new Date(now.getTime() + leaseMs).toISOString() };
    try {
      const response = await this.outbox.updateEntity(fromMessage(claimed), 'Replace', { etag: entity.etag });
      return { ...claimed, ...(response.etag !== undefined && { etag: response.etag }) };
    } catch (error) {
      if (statusOf(error) === 412) return undefined;
      throw error;
    }
  }

  async settle(message: OutboxMessage): Promise<void> {
    await this.outbox.updateEntity(fromMessage(message), 'Replace', message.etag !== undefined ? { etag: message.etag } : {});
  }

  async listDue(now: Date, limit: number): Promise<OutboxMessage[]> {
    const at = now.toISOString();
    const filter = odata`PartitionKey eq 'outbox' and ((status eq 'pending' and nextAttemptAt le ${at}) or (status eq 'sending' and leaseUntil le ${at}))`;
    const out: OutboxMessage[] = [];
    for await (const entity of this.outbox.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      out.push(toMessage(entity));
      if (out.length >= limit) break;
    }
    return out;
  }

  async listOutbox(filter: { status?: OutboxMessage['status'] } = {}): Promise<OutboxMessage[]> {
    const query = filter.status !== undefined ? odata`PartitionKey eq 'outbox' and status eq ${filter.status}` : odata`PartitionKey eq 'outbox'`;
    const out: OutboxMessage[] = [];
    for await (const entity of this.outbox.listEntities<Record<string, unknown>>({ queryOptions: { filter: query } })) out.push(toMessage(entity));
    return out;
  }

  async saveEvents(events: readonly EnrichedEvent[]): Promise<void> {
    await this.#upsertByPartition(this.events, events.map((event) => ({
      partitionKey: dayOf(event),
      rowKey: safeKey(event.id),
      schemaVersion: event.schemaVersion,
      receivedAt: event.receivedAt,
      startedAt: event.job.startedAt ?? '',
      vaultName: event.job.vaultName ?? '',
      vaultId: event.job.vaultId ?? '',
      vmName: event.job.vmName ?? '',
      vmResourceId: event.job.vmResourceId ?? '',
      code: event.classification.code,
      known: event.classification.known,
      priority: event.priority.level,
      headline: event.summary.headline,
      ...toChunks('json', JSON.stringify(event)),
    })));
  }

  async saveRejected(records: readonly RejectedRecord[]): Promise<void> {
    await this.#upsertByPartition(this.rejected, records.map((record) => ({
      partitionKey: record.receivedAt.slice(0, 10),
      rowKey: hash(JSON.stringify([record.origin, record.reason, record.raw])),
      schemaVersion: record.schemaVersion,
      reason: record.reason,
      detail: record.detail,
      receivedAt: record.receivedAt,
      origin: JSON.stringify(record.origin),
      raw: record.raw,
      rawBytes: record.rawBytes,
      rawTruncated: record.rawTruncated,
    })));
  }

  /** Upserts in transactions of up to 100 entities of one partition: idempotent, few round trips. */
  async #upsertByPartition(client: TableClient, entities: Entity[]): Promise<void> {
    const byPartition = new Map<string, Map<string, Entity>>();
    for (const entity of entities) {
      let rows = byPartition.get(entity.partitionKey);
      if (rows === undefined) byPartition.set(entity.partitionKey, (rows = new Map()));
      rows.set(entity.rowKey, entity);
    }
    for (const rows of byPartition.values()) {
      const list = [...rows.values()];
      for (let i = 0; i < list.length; i += 100) {
        const actions: TransactionAction[] = list.slice(i, i + 100).map((entity) => ['upsert', entity, 'Replace']);
        await client.submitTransaction(actions);
      }
    }
  }
}

/** Row keys may not hold `/ \ # ?` or control characters. */
function safeKey(id: string): string {
  return /^[^/\\#?\u0000-\u001f\u007f]{1,200}$/.test(id) ? id : `h-${hash(id)}`;
}

function fromFinding(state: FindingState): Entity {
  return {
    partitionKey: state.partitionKey,
    rowKey: state.rowKey,
    schemaVersion: SCHEMA,
    status: state.status,
    itemKey: state.itemKey,
    code: state.code,
    vaultKey: state.vaultKey,
    vmName: state.vmName ?? '',
    vaultName: state.vaultName ?? '',
    firstFailedAt: state.firstFailedAt,
    lastFailedAt: state.lastFailedAt,
    occurrences: state.occurrences,
    notifiedLevel: state.notifiedLevel ?? '',
    notifiedAt: state.notifiedAt ?? '',
    jobIds: JSON.stringify(state.jobIds),
    resolvedAt: state.resolvedAt ?? '',
    resolvedByJobId: state.resolvedByJobId ?? '',
    priority: state.lastEvent.priority.level,
    headline: state.lastEvent.summary.headline,
    ...toChunks('event', JSON.stringify(state.lastEvent)),
  };
}

const orNull = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

function toFinding(entity: Record<string, unknown>): FindingState {
  return {
    partitionKey: String(entity['partitionKey']),
    rowKey: String(entity['rowKey']),
    status: entity['status'] === 'resolved' ? 'resolved' : 'open',
    itemKey: String(entity['itemKey']),
    code: String(entity['code']),
    vaultKey: String(entity['vaultKey']),
    vmName: orNull(entity['vmName']),
    vaultName: orNull(entity['vaultName']),
    firstFailedAt: String(entity['firstFailedAt']),
    lastFailedAt: String(entity['lastFailedAt']),
    occurrences: Number(entity['occurrences']),
    notifiedLevel: orNull(entity['notifiedLevel']) as FindingState['notifiedLevel'],
    notifiedAt: orNull(entity['notifiedAt']),
    jobIds: JSON.parse(String(entity['jobIds'] ?? '[]')) as string[],
    lastEvent: JSON.parse(fromChunks('event', entity)) as EnrichedEvent,
    resolvedAt: orNull(entity['resolvedAt']),
    resolvedByJobId: orNull(entity['resolvedByJobId']),
  };
}

function fromMessage(message: OutboxMessage): Entity {
  return {
    partitionKey: 'outbox',
    rowKey: message.id,
    kind: message.kind,
    priority: message.priority,
    headline: message.headline,
    contentType: message.contentType,
    status: message.status,
    attempts: message.attempts,
    rounds: message.rounds,
    createdAt: message.createdAt,
    nextAttemptAt: message.nextAttemptAt,
    leaseUntil: message.leaseUntil ?? '',
    deliveredAt: message.deliveredAt ?? '',
    lastStatus: message.lastStatus ?? 0,
    lastError: message.lastError ?? '',
    ...toChunks('body', message.body),
  };
}

function toMessage(entity: TableEntityResult<Record<string, unknown>>): OutboxMessage {
  return {
    id: String(entity.rowKey),
    kind: String(entity['kind']),
    priority: String(entity['priority']),
    headline: String(entity['headline']),
    contentType: String(entity['contentType']),
    body: fromChunks('body', entity),
    status: entity['status'] as OutboxMessage['status'],
    attempts: Number(entity['attempts']),
    rounds: Number(entity['rounds'] ?? 0),
    createdAt: String(entity['createdAt']),
    nextAttemptAt: String(entity['nextAttemptAt']),
    ...(orNull(entity['leaseUntil']) !== null && { leaseUntil: String(entity['leaseUntil']) }),
    ...(orNull(entity['deliveredAt']) !== null && { deliveredAt: String(entity['deliveredAt']) }),
    ...(Number(entity['lastStatus']) > 0 && { lastStatus: Number(entity['lastStatus']) }),
    ...(orNull(entity['lastError']) !== null && { lastError: String(entity['lastError']) }),
    etag: entity.etag,
  };
}
