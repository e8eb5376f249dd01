import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

/** Azurite's well-known development account. */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  connectionString: string;
  port: number;
  /** The Azurite process, for those who check what it was started with. */
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /** Azurite would otherwise send usage telemetry out; every caller says it must not. */
  disableTelemetry: true;
  timeoutMs?: number;
}

/** Every Azurite this process started and that still runs: stopped on a signal, killed at exit. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Stops every Azurite this process started: what a command line does on SIGINT or SIGTERM before
 * it exits, so no child outlives it.
 */
export async function stopStartedAzurites(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill();
        }),
    ),
  );
}

function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Last resort (an uncaught error, process.exit): the children die with us.
    process.once('exit', () => {
      for (const orphan of running) orphan.kill();
    });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts Azurite's Table service for the code that needs it (tests, `npm start`, `run`): in memory,
 * on a free loopback port, telemetry off. Azurite is a development dependency; it is never
 * needed in Azure, where the Function App's own storage account is used.
 */
export async function startAzurite(options: AzuriteOptions): Promise<Azurite> {
  let main: string;
  try {
    main = createRequire(import.meta.url).resolve('azurite/dist/src/table/main.js');
  } catch {
    throw new Error(
      'Azurite is not installed: run `npm ci` (it is a development dependency) or give STATE_STORAGE_CONNECTION_STRING.',
    );
  }
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        main,
        '--inMemoryPersistence',
        '--disableTelemetry',
        '--silent',
        '--skipApiVersionCheck',
        '--tableHost',
        '127.0.0.1',
        '--tablePort',
        String(port),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    track(child);
    try {
      await waitUntilListening(child, options.timeoutMs ?? 20_000);
    } catch (error) {
      child.kill();
      if (attempt >= 3) throw error;
      continue;
    }
    return {
      port,
      pid: child.pid,
      connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};TableEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
      stop: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill();
        }),
    };
  }
}

function waitUntilListening(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`Azurite did not start within ${timeoutMs} ms: ${output.slice(-500)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/successfully (started|listens)/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited (${code}): ${output.slice(-500)}`));
    });
  });
}
