import { startAzurite, type Azurite } from '../../src/adapters/startAzurite.js';
import { TableStore } from '../../src/adapters/tableStore.js';

let shared: Promise<Azurite> | undefined;
let counter = 0;

/** One Azurite per test file (in memory, free port, telemetry off), a fresh set of tables per test. */
export function azurite(): Promise<Azurite> {
  shared ??= startAzurite({ disableTelemetry: true });
  return shared;
}

export async function freshStore(): Promise<TableStore> {
  const { connectionString } = await azurite();
  counter += 1;
  const store = new TableStore({ connectionString }, { prefix: `t${process.pid}x${counter}${Date.now() % 100_000}` });
  await store.ensureTables();
  return store;
}

/** A second client on the same tables: another Function App instance. */
export async function sameTables(store: TableStore): Promise<TableStore> {
  const { connectionString } = await azurite();
  return new TableStore({ connectionString }, { prefix: store.findings.tableName.replace(/findings$/, '') });
}

export async function stopAzurite(): Promise<void> {
  if (shared !== undefined) await (await shared).stop();
  shared = undefined;
}
