import { createHash } from 'node:crypto';

import type { TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { odata, TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';

import { addDays } from '../core/days.js';
import type { FindingState } from '../core/notify/types.js';
import type { EnrichedEvent, LastSuccess, RejectedRecord } from '../core/types.js';
import type { GroupState, NotificationStore, OutboxMessage, Versioned } from '../pipeline/store.js';
import { type CountedEvent, toCountedEvent } from '../core/digest/countedEvent.js';
import { mapConcurrent } from '../pipeline/mapConcurrent.js';
import { fromStoredEvent, toStoredEvent } from './eventCodec.js';
import { fromChunks, toChunks } from './tableChunks.js';

/** Where the tables are: a connection string (Azurite, local) or an endpoint and a credential (Azure). */
export type TableConnection = { connectionString: string } | { endpoint: string; credential: TokenCredential };

export interface TableStoreOptions {
  /** Table names are `<prefix>findings`, `<prefix>outbox`, `<prefix>events`, `<prefix>rejected`. @default "triage" */
  prefix?: string;
  /**
   * Each request's own limit (then the client's retries apply): a storage account that stops
   * answering fails the batch, which the trigger retries, instead of holding it forever.
   * @default 30_000
   */
  requestTimeoutInMs?: number;
}

const SCHEMA = '1.0';
const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 40);

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string };

/** What a read returns, or `undefined` when there is nothing there (404). */
async function unlessMissing<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** Creates the entity when new (no ETag), else replaces it if unchanged since read; a lost race is a `conflict`. */
async function writeVersioned(
  client: TableClient,
  entity: Entity,
  etag: string | undefined,
): Promise<'saved' | 'conflict'> {
  try {
    if (etag === undefined) await client.createEntity(entity);
    else await client.updateEntity(entity, 'Replace', { etag });
    return 'saved';
  } catch (error) {
    if (statusOf(error) === 409 || statusOf(error) === 412) return 'conflict';
    throw error;
  }
}

/** The row of an item's partition that lists its findings, one property per code (`c<hash>`: the row key). */
const DIRECTORY = '~findings';
const DIRECTORY_ENTRY = /^c[0-9a-f]{16}$/;
const directoryEntry = (rowKey: string) => `c${hash(rowKey).slice(0, 16)}`;
/** The findings table's own row saying every item partition has its directory. */
const META = '~meta';
const DIRECTORIES = 'directories';

/** Day partition of an event (UTC) from its job start, else its reception. */
export function dayOf(event: { job: { startedAt: string | null }; receivedAt: string }): string {
  return (event.job.startedAt ?? event.receivedAt).slice(0, 10);
}

/**
 * The partition of an event's row: its day and one of 16 shards by its row key (`2026-11-25.a`). A
 * table partition serves about 2,000 entities a second ("Scalability and performance targets for
 * Table storage"), so a storm of one day written to one partition would queue on it. Rows written
 * before shards sit in the bare day, which the same key range still reads.
 */
export function eventPartition(day: string, rowKey: string): string {
  return `${day}.${hash(rowKey).charAt(0)}`;
}

/** Every partition of a day's events, shards and the bare day of older rows: one key range. */
const dayRange = (day: string) => odata`PartitionKey ge ${day} and PartitionKey lt ${`${day}/`}`;

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
  /** Secondary rows the digest and the dashboard read: open findings, findings resolved per day. */
  readonly index: TableClient;

  constructor(connection: TableConnection, options: TableStoreOptions = {}) {
    const prefix = options.prefix ?? 'triage';
    const count: PipelinePolicy = {
      name: 'countTableOperations',
      sendRequest: (request, next) => {
        this.operations += 1;
        return next(request);
      },
    };
    const timeoutInMs = options.requestTimeoutInMs ?? 30_000;
    const deadline: PipelinePolicy = {
      name: 'tableRequestTimeout',
      sendRequest: (request, next) => {
        if (request.timeout === 0 || request.timeout > timeoutInMs) request.timeout = timeoutInMs;
        return next(request);
      },
    };
    const clientOptions = {
      additionalPolicies: [
        { policy: count, position: 'perRetry' as const },
        { policy: deadline, position: 'perRetry' as const },
      ],
    };
    const make = (name: string) =>
      'connectionString' in connection
        ? TableClient.fromConnectionString(connection.connectionString, `${prefix}${name}`, {
            ...clientOptions,
            allowInsecureConnection: true,
          })
        : new TableClient(
            `${connection.endpoint.replace(/\/$/, '')}`,
            `${prefix}${name}`,
            connection.credential,
            clientOptions,
          );
    this.findings = make('findings');
    this.outbox = make('outbox');
    this.events = make('events');
    this.rejected = make('rejected');
    this.index = make('index');
  }

  /** Creates the tables when missing (idempotent). */
  async ensureTables(): Promise<void> {
    await Promise.all(
      [this.findings, this.outbox, this.events, this.rejected, this.index].map((client) => client.createTable()),
    );
    // A findings table that starts empty keeps a directory in every item's partition from its first
    // row: its item reads are point reads. One written before directories falls back to queries.
    if (!(await this.#hasDirectories())) {
      const first = this.findings
        .listEntities({ queryOptions: { select: ['PartitionKey'] } })
        .byPage({ maxPageSize: 1 });
      const page = await first.next();
      if (page.done === true || page.value.length === 0)
        await this.findings.upsertEntity({ partitionKey: META, rowKey: DIRECTORIES, since: new Date().toISOString() });
      this.#directories = undefined;
    }
  }

  #directories: Promise<boolean> | undefined;

  /** Whether every item partition of the findings table holds its directory row (see `ensureTables`). */
  #hasDirectories(): Promise<boolean> {
    this.#directories ??= unlessMissing(this.findings.getEntity(META, DIRECTORIES)).then(
      (marker) => marker !== undefined,
      (error: unknown) => {
        this.#directories = undefined;
        throw error;
      },
    );
    return this.#directories;
  }

  async getFinding(partitionKey: string, rowKey: string): Promise<Versioned<FindingState> | undefined> {
    const entity = await unlessMissing(this.findings.getEntity<Record<string, unknown>>(partitionKey, rowKey));
    return entity === undefined ? undefined : { value: toFinding(entity), etag: entity.etag };
  }

  /**
   * The findings of one backup item. Point reads: the item's directory row, then each finding it
   * lists (a partition query scans a whole table on Azurite, and costs more than a point read on
   * Azure); a table written before directories is queried.
   */
  async listItemFindings(partitionKey: string): Promise<Array<Versioned<FindingState>>> {
    const directory = await unlessMissing(this.findings.getEntity<Record<string, unknown>>(partitionKey, DIRECTORY));
    if (directory === undefined && !(await this.#hasDirectories())) return this.#queryItem(partitionKey);
    const rowKeys = Object.entries(directory ?? {})
      .filter(([name, value]) => DIRECTORY_ENTRY.test(name) && typeof value === 'string')
      .map(([, value]) => value as string);
    const found = await Promise.all(rowKeys.map((rowKey) => this.getFinding(partitionKey, rowKey)));
    return found.filter((entry): entry is Versioned<FindingState> => entry !== undefined);
  }

  async #queryItem(partitionKey: string): Promise<Array<Versioned<FindingState>>> {
    const out: Array<Versioned<FindingState>> = [];
    for await (const entity of this.findings.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
    })) {
      if (entity.rowKey !== DIRECTORY) out.push({ value: toFinding(entity), etag: entity.etag });
    }
    return out;
  }

  /** Writes the finding and, in the same transaction, its entry in the item's directory. */
  async saveFinding(state: FindingState, etag: string | undefined): Promise<'saved' | 'conflict'> {
    const entity = fromFinding(state);
    const entry: Entity = {
      partitionKey: state.partitionKey,
      rowKey: DIRECTORY,
      [directoryEntry(state.rowKey)]: state.rowKey,
    };
    try {
      await this.findings.submitTransaction([
        etag === undefined ? ['create', entity] : ['update', entity, 'Replace', { etag }],
        ['upsert', entry, 'Merge'],
      ]);
      return 'saved';
    } catch (error) {
      if (statusOf(error) === 409 || statusOf(error) === 412) return 'conflict';
      throw error;
    }
  }

  /**
   * Keeps the open-findings and resolved-per-day rows in step with finding states just saved
   * (idempotent): upserts in transactions of up to 100 rows per partition, and the open row of a
   * finding that closed deleted.
   */
  async indexFindings(states: readonly FindingState[]): Promise<void> {
    const rows: Entity[] = [];
    const closed: string[] = [];
    for (const state of states) {
      const rowKey = `${state.partitionKey}|${state.rowKey}`;
      const summary = {
        status: state.status,
        vmName: state.vmName ?? '',
        vaultName: state.vaultName ?? '',
        code: state.code,
        priority: state.lastEvent.priority.level,
        firstFailedAt: state.firstFailedAt,
        lastFailedAt: state.lastFailedAt,
        occurrences: state.occurrences,
        headline: state.lastEvent.summary.headline,
        firstAction: state.lastEvent.summary.firstAction.text.slice(0, 4_000),
        eventId: state.lastEvent.id,
        eventDay: dayOf(state.lastEvent),
        ...lastSuccessColumns(state.lastEvent.priority.context?.lastSuccess),
      };
      if (state.status === 'open') {
        rows.push({ partitionKey: 'open', rowKey, ...summary });
        continue;
      }
      closed.push(rowKey);
      if (state.resolvedAt !== null)
        rows.push({
          partitionKey: `resolved-${state.resolvedAt.slice(0, 10)}`,
          rowKey,
          ...summary,
          resolvedAt: state.resolvedAt,
          resolvedByJobId: state.resolvedByJobId ?? '',
        });
    }
    await this.#upsertByPartition(this.index, rows);
    await mapConcurrent(closed, 8, (rowKey) => unlessMissing(this.index.deleteEntity('open', rowKey)));
  }

  async listOpenFindings(): Promise<IndexedFinding[]> {
    return this.#listIndex(odata`PartitionKey eq ${'open'}`);
  }

  async listResolvedOn(day: string): Promise<IndexedFinding[]> {
    return this.#listIndex(odata`PartitionKey eq ${`resolved-${day}`}`);
  }

  /** The findings resolved from `from` to `to` (UTC days, inclusive), in one query, oldest day first. */
  async listResolvedBetween(from: string, to: string): Promise<IndexedFinding[]> {
    return this.#listIndex(odata`PartitionKey ge ${`resolved-${from}`} and PartitionKey le ${`resolved-${to}`}`);
  }

  async #listIndex(filter: string): Promise<IndexedFinding[]> {
    const out: IndexedFinding[] = [];
    for await (const entity of this.index.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      out.push({
        key: String(entity.rowKey),
        status: entity['status'] === 'resolved' ? 'resolved' : 'open',
        vmName: orNull(entity['vmName']),
        vaultName: orNull(entity['vaultName']),
        code: String(entity['code']),
        priority: String(entity['priority']) as IndexedFinding['priority'],
        firstFailedAt: String(entity['firstFailedAt']),
        lastFailedAt: String(entity['lastFailedAt']),
        occurrences: Number(entity['occurrences']),
        headline: String(entity['headline']),
        firstAction: String(entity['firstAction']),
        eventId: String(entity['eventId']),
        eventDay: String(entity['eventDay']),
        resolvedAt: orNull(entity['resolvedAt']),
        ...fromLastSuccessColumns(entity),
      });
    }
    return out;
  }

  /** Every enriched event of a UTC day (partition). */
  async listEventsOfDay(day: string): Promise<EnrichedEvent[]> {
    const out: EnrichedEvent[] = [];
    for await (const entity of this.events.listEntities<Record<string, unknown>>({
      queryOptions: { filter: dayRange(day) },
    }))
      out.push(fromStoredEvent('z', 'json', entity));
    return out;
  }

  async getEvent(day: string, id: string): Promise<EnrichedEvent | undefined> {
    const rowKey = safeKey(id);
    const entity =
      (await unlessMissing(this.events.getEntity<Record<string, unknown>>(eventPartition(day, rowKey), rowKey))) ??
      (await unlessMissing(this.events.getEntity<Record<string, unknown>>(day, rowKey)));
    return entity === undefined ? undefined : fromStoredEvent('z', 'json', entity);
  }

  /** Failed jobs per day for the given days (the digest's trend), counted without reading the JSON. */
  async countEventsByDay(days: readonly string[]): Promise<Record<string, number>> {
    const counts = await Promise.all(
      days.map(async (day) => {
        let n = 0;
        for await (const _ of this.events.listEntities({
          queryOptions: { filter: dayRange(day), select: ['RowKey'] },
        }))
          n += 1;
        return [day, n] as const;
      }),
    );
    return Object.fromEntries(counts);
  }

  /**
   * One page of events, newest day first, filtered; the continuation token carries the day and the
   * table's own token, so pages never repeat nor skip an event. A token is checked against the
   * query's own days (at most 62): it can only continue a listing the API could have started.
   */
  async pageEvents(query: EventQuery): Promise<{ items: EventRow[]; continuationToken?: string }> {
    let position: { day: string; inner?: string } =
      query.continuationToken !== undefined ? toPosition(query.continuationToken, query) : { day: query.to };
    const items: EventRow[] = [];
    while (position.day >= query.from && items.length < query.limit) {
      const conditions = [dayRange(position.day)];
      if (query.vault !== undefined) conditions.push(odata`vaultName eq ${query.vault}`);
      if (query.code !== undefined) conditions.push(odata`code eq ${query.code}`);
      if (query.priority !== undefined) conditions.push(odata`priority eq ${query.priority}`);
      const pages = this.events
        .listEntities<Record<string, unknown>>({
          queryOptions: { filter: conditions.join(' and '), select: EVENT_ROW_FIELDS },
        })
        .byPage({
          maxPageSize: query.limit - items.length,
          ...(position.inner !== undefined && { continuationToken: position.inner }),
        });
      const page = await pages.next();
      const rows = page.done === true ? [] : page.value;
      for (const entity of rows) items.push(toEventRow(entity));
      const inner = page.done === true ? undefined : (rows as { continuationToken?: string }).continuationToken;
      position = inner !== undefined ? { day: position.day, inner } : { day: addDays(position.day, -1) };
    }
    return position.day >= query.from
      ? { items, continuationToken: Buffer.from(JSON.stringify(position)).toString('base64url') }
      : { items };
  }

  /** Deletes the events and rejected records of the days before `day` (retention). */
  async deleteBefore(day: string): Promise<number> {
    let deleted = 0;
    for (const client of [this.events, this.rejected]) {
      const stale = new Map<string, string[]>();
      for await (const entity of client.listEntities({
        queryOptions: { filter: odata`PartitionKey lt ${day}`, select: ['PartitionKey', 'RowKey'] },
      })) {
        const rows = stale.get(String(entity.partitionKey)) ?? [];
        rows.push(String(entity.rowKey));
        stale.set(String(entity.partitionKey), rows);
      }
      for (const [partitionKey, rows] of stale) {
        for (let i = 0; i < rows.length; i += 100) {
          await client.submitTransaction(
            rows.slice(i, i + 100).map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]),
          );
          deleted += Math.min(100, rows.length - i);
        }
      }
    }
    return deleted;
  }

  async getGroup(key: string): Promise<GroupState | undefined> {
    const entity = await unlessMissing(this.findings.getEntity<Record<string, unknown>>('group', hash(key)));
    if (entity === undefined) return undefined;
    return {
      key,
      members: JSON.parse(fromChunks('members', entity) || '[]') as string[],
      messageId: orNull(entity['messageId']),
      etag: entity.etag,
    };
  }

  async saveGroup(group: GroupState): Promise<'saved' | 'conflict'> {
    const entity: Entity = {
      partitionKey: 'group',
      rowKey: hash(group.key),
      key: group.key,
      count: group.members.length,
      messageId: group.messageId ?? '',
      ...toChunks('members', JSON.stringify(group.members)),
    };
    return writeVersioned(this.findings, entity, group.etag);
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
    const entity = await unlessMissing(this.outbox.getEntity<Record<string, unknown>>('outbox', id));
    if (entity === undefined) return undefined;
    const message = toMessage(entity);
    const due =
      message.status === 'pending' || (message.status === 'sending' && (message.leaseUntil ?? '') < now.toISOString());
    if (!due) return undefined;
    const claimed: OutboxMessage = {
      ...message,
      status: 'sending',
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
    };
    try {
      const response = await this.outbox.updateEntity(fromMessage(claimed), 'Replace', { etag: entity.etag });
      return { ...claimed, ...(response.etag !== undefined && { etag: response.etag }) };
    } catch (error) {
      if (statusOf(error) === 412) return undefined;
      throw error;
    }
  }

  async settle(message: OutboxMessage): Promise<'settled' | 'lost'> {
    try {
      await this.outbox.updateEntity(
        fromMessage(message),
        'Replace',
        message.etag !== undefined ? { etag: message.etag } : {},
      );
      return 'settled';
    } catch (error) {
      if (statusOf(error) === 412) return 'lost';
      throw error;
    }
  }

  async revise(message: OutboxMessage): Promise<{ etag: string } | 'conflict'> {
    try {
      const response = await this.outbox.updateEntity(fromMessage(message), 'Replace', { etag: message.etag ?? '*' });
      return { etag: response.etag ?? '' };
    } catch (error) {
      if (statusOf(error) === 412) return 'conflict';
      throw error;
    }
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
    const query =
      filter.status !== undefined
        ? odata`PartitionKey eq 'outbox' and status eq ${filter.status}`
        : odata`PartitionKey eq 'outbox'`;
    const out: OutboxMessage[] = [];
    for await (const entity of this.outbox.listEntities<Record<string, unknown>>({ queryOptions: { filter: query } }))
      out.push(toMessage(entity));
    return out;
  }

  /**
   * Every enriched event of a UTC day as the digest and the dashboard count it: the row's columns
   * only, never the compressed event (rows written before those columns are read whole).
   */
  async listCountedEventsOfDay(day: string): Promise<CountedEvent[]> {
    const rows: Array<Record<string, unknown>> = [];
    for await (const entity of this.events.listEntities<Record<string, unknown>>({
      queryOptions: { filter: dayRange(day), select: COUNTED_FIELDS },
    }))
      rows.push(entity);
    const counted = await mapConcurrent(rows, 8, async (entity) => {
      if (typeof entity['title'] === 'string') return toCounted(entity);
      const whole = await unlessMissing(
        this.events.getEntity<Record<string, unknown>>(String(entity['partitionKey']), String(entity['rowKey'])),
      );
      return whole === undefined ? undefined : toCountedEvent(fromStoredEvent('z', 'json', whole));
    });
    return counted.filter((event): event is CountedEvent => event !== undefined);
  }

  async saveEvents(events: readonly EnrichedEvent[]): Promise<void> {
    await this.#upsertByPartition(
      this.events,
      events.map((event) => {
        const counted = toCountedEvent(event);
        const rowKey = safeKey(event.id);
        return {
          partitionKey: eventPartition(dayOf(event), rowKey),
          rowKey,
          schemaVersion: event.schemaVersion,
          receivedAt: event.receivedAt,
          startedAt: event.job.startedAt ?? '',
          vaultName: event.job.vaultName ?? '',
          vaultId: event.job.vaultId ?? '',
          vmName: event.job.vmName ?? '',
          vmResourceId: event.job.vmResourceId ?? '',
          backupItemName: event.job.backupItemName ?? '',
          code: event.classification.code,
          title: event.classification.title,
          known: event.classification.known,
          priority: event.priority.level,
          consecutiveFailures: counted.priority.context?.consecutiveFailures ?? 0,
          headline: event.summary.headline,
          findingKey: counted.findingKey,
          lookups: counted.lookups.map((lookup) => `${lookup.probe}=${lookup.status}`).join(' '),
          ...toStoredEvent('z', event),
        };
      }),
    );
  }

  async saveRejected(records: readonly RejectedRecord[]): Promise<void> {
    await this.#upsertByPartition(
      this.rejected,
      records.map((record) => ({
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
      })),
    );
  }

  /**
   * Upserts in transactions of up to 100 entities of one partition and under the 4 MiB payload a
   * transaction may carry (Table service "Performing entity group transactions"): idempotent, few
   * round trips, several transactions in flight.
   */
  async #upsertByPartition(client: TableClient, entities: readonly Entity[]): Promise<void> {
    const byPartition = new Map<string, Map<string, Entity>>();
    for (const entity of entities) {
      let rows = byPartition.get(entity.partitionKey);
      if (rows === undefined) byPartition.set(entity.partitionKey, (rows = new Map<string, Entity>()));
      rows.set(entity.rowKey, entity);
    }
    const transactions: TransactionAction[][] = [];
    for (const rows of byPartition.values()) {
      let current: TransactionAction[] = [];
      let bytes = 0;
      for (const entity of rows.values()) {
        const size = approximateBytes(entity);
        if (current.length === 100 || (current.length > 0 && bytes + size > TRANSACTION_BYTES)) {
          transactions.push(current);
          current = [];
          bytes = 0;
        }
        current.push(['upsert', entity, 'Replace']);
        bytes += size;
      }
      if (current.length > 0) transactions.push(current);
    }
    await mapConcurrent(transactions, 8, (actions) => client.submitTransaction(actions));
  }
}

/** What a transaction may carry, with room for the multipart envelope (the limit is 4 MiB). */
const TRANSACTION_BYTES = 3 * 1024 * 1024;

/** An entity's size on the wire, as JSON, near enough to keep a transaction under its limit. */
function approximateBytes(entity: Entity): number {
  let bytes = 200;
  for (const [name, value] of Object.entries(entity))
    bytes +=
      name.length +
      16 +
      (typeof value === 'string'
        ? Buffer.byteLength(value)
        : value instanceof Uint8Array
          ? Math.ceil((value.byteLength * 4) / 3)
          : 16);
  return bytes;
}

/** An open (or resolved) finding as the index keeps it: enough for the digest and the dashboard. */
export interface IndexedFinding {
  key: string;
  status: 'open' | 'resolved';
  vmName: string | null;
  vaultName: string | null;
  code: string;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  firstFailedAt: string;
  lastFailedAt: string;
  occurrences: number;
  headline: string;
  firstAction: string;
  eventId: string;
  eventDay: string;
  resolvedAt: string | null;
  /** The item's last success as the finding's last event knew it (see `hoursSinceLastSuccess`). */
  lastSuccess?: LastSuccess;
}

/** The index keeps the last success flat: `lastSuccessAt` ('' when none in the window), its source and window. */
function lastSuccessColumns(last: LastSuccess | undefined): Record<string, string | number> {
  if (last === undefined) return {};
  return {
    lastSuccessAt: last.at ?? '',
    lastSuccessSource: last.source,
    ...(last.windowHours !== undefined && { lastSuccessWindowHours: last.windowHours }),
  };
}

function fromLastSuccessColumns(entity: Record<string, unknown>): { lastSuccess?: LastSuccess } {
  const source = entity['lastSuccessSource'];
  if (source !== 'history-lookup' && source !== 'job-records') return {};
  const window = entity['lastSuccessWindowHours'];
  return {
    lastSuccess: {
      at: orNull(entity['lastSuccessAt']),
      source,
      ...(typeof window === 'number' && { windowHours: window }),
    },
  };
}

export interface EventQuery {
  /** Oldest and newest UTC day, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  vault?: string;
  code?: string;
  priority?: string;
  limit: number;
  continuationToken?: string;
}

/** The columns of an event row the API lists (the full JSON stays in the row). */
export interface EventRow {
  day: string;
  id: string;
  startedAt: string;
  vaultName: string;
  vmName: string;
  code: string;
  known: boolean;
  priority: string;
  headline: string;
  findingKey: string;
}

const EVENT_ROW_FIELDS = [
  'PartitionKey',
  'RowKey',
  'startedAt',
  'vaultName',
  'vmName',
  'code',
  'known',
  'priority',
  'headline',
  'findingKey',
];

function toEventRow(entity: Record<string, unknown>): EventRow {
  return {
    day: String(entity['partitionKey']).slice(0, 10),
    id: String(entity['rowKey']),
    startedAt: textOf(entity['startedAt'], ''),
    vaultName: textOf(entity['vaultName'], ''),
    vmName: textOf(entity['vmName'], ''),
    code: textOf(entity['code'], ''),
    known: entity['known'] === true,
    priority: textOf(entity['priority'], ''),
    headline: textOf(entity['headline'], ''),
    findingKey: textOf(entity['findingKey'], ''),
  };
}

/** A stored string column, or the fallback when it is absent or not a string. */
function textOf(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
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
    ...toChunks('seenJobs', JSON.stringify(state.seenJobs)),
    resolvedAt: state.resolvedAt ?? '',
    resolvedByJobId: state.resolvedByJobId ?? '',
    lastSuccessAt: state.lastSuccessAt ?? '',
    priority: state.lastEvent.priority.level,
    headline: state.lastEvent.summary.headline,
    ...toStoredEvent('le', state.lastEvent),
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
    seenJobs: seenJobsOf(entity),
    lastEvent: fromStoredEvent('le', 'event', entity),
    resolvedAt: orNull(entity['resolvedAt']),
    resolvedByJobId: orNull(entity['resolvedByJobId']),
    lastSuccessAt: orNull(entity['lastSuccessAt']),
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

/** The jobs a finding counted; rows written before `seenJobs` kept a list of ids (dated by the last failure). */
function seenJobsOf(entity: Record<string, unknown>): Record<string, string> {
  const chunks = fromChunks('seenJobs', entity);
  if (chunks !== '') return JSON.parse(chunks) as Record<string, string>;
  const legacy = JSON.parse(textOf(entity['jobIds'], '[]')) as string[];
  const at = String(entity['lastFailedAt']);
  return Object.fromEntries(legacy.map((id) => [id, at]));
}

/** The columns of an event row the summaries count. */
const COUNTED_FIELDS = [
  'PartitionKey',
  'RowKey',
  'receivedAt',
  'startedAt',
  'vaultName',
  'vmName',
  'backupItemName',
  'code',
  'title',
  'priority',
  'consecutiveFailures',
  'findingKey',
  'lookups',
];

function toCounted(entity: Record<string, unknown>): CountedEvent {
  const consecutive = Number(entity['consecutiveFailures']);
  return {
    id: String(entity['rowKey']),
    receivedAt: textOf(entity['receivedAt'], ''),
    findingKey: textOf(entity['findingKey'], ''),
    // The finding key starts with the item's (hashed) key: enough to count distinct items.
    itemKey: textOf(entity['findingKey'], '').split('|')[0]!,
    job: {
      startedAt: orNull(entity['startedAt']),
      vaultName: orNull(entity['vaultName']),
      vmName: orNull(entity['vmName']),
      backupItemName: orNull(entity['backupItemName']),
    },
    classification: { code: textOf(entity['code'], ''), title: textOf(entity['title'], '') },
    priority: {
      level: textOf(entity['priority'], 'P4') as CountedEvent['priority']['level'],
      ...(consecutive > 0 && { context: { consecutiveFailures: consecutive } }),
    },
    lookups: textOf(entity['lookups'], '')
      .split(' ')
      .filter((pair) => pair.includes('='))
      .map((pair) => {
        const [probe, status] = pair.split('=') as [string, string];
        return { probe, status: status as CountedEvent['lookups'][number]['status'] };
      }),
  };
}

/** A continuation token this API could have given for this query, or a `InvalidContinuationToken` error. */
function toPosition(token: string, query: EventQuery): { day: string; inner?: string } {
  const invalid = () =>
    Object.assign(new Error('continuationToken is not one this API gave'), {
      name: 'InvalidContinuationToken',
    });
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const { day, inner } = (value ?? {}) as { day?: unknown; inner?: unknown };
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day) || day < query.from || day > query.to)
    throw invalid();
  if (inner === undefined) return { day };
  if (typeof inner !== 'string' || inner.length > 2_048 || !isTableToken(inner)) throw invalid();
  return { day, inner };
}

/** The Table client's own continuation token: base64 of `{"nextPartitionKey":…,"nextRowKey":…}`. */
function isTableToken(token: string): boolean {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64').toString('latin1')) as Record<string, unknown> | null;
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof value['nextPartitionKey'] === 'string' &&
      (value['nextRowKey'] === undefined || typeof value['nextRowKey'] === 'string')
    );
  } catch {
    return false;
  }
}
