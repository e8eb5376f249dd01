// Loads a Function App folder the way the Node.js worker does, and reports what it registered.
// Standalone on purpose (Node built-ins only): the package test copies it next to a deployment package and
// runs it there, so that nothing resolves from this repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

/** One function as the app registered it through `@azure/functions` (its metadata for the host). */
export interface Registration {
  name: string;
  bindings: Record<string, Record<string, unknown>>;
}

export interface LoadReport {
  /** package.json `main`, as the worker reads it. */
  main: string;
  files: Array<{ file: string; importMs: number; functions: Registration[]; error?: string }>;
  /** From the first import to the last: the worker's share of a cold start. */
  totalMs: number;
  /** Each production dependency of package.json, imported from the app folder. */
  dependencies: Array<{ name: string; importMs: number; error?: string }>;
}

/** `main` may be a glob in its file name (`dist/functions/*.js`), as in the Azure Functions samples. */
function entryPoints(appDir: string, main: string): string[] {
  const dir = join(appDir, dirname(main));
  const pattern = new RegExp(
    `^${basename(main)
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')}$`,
  );
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Stands in for the worker's `@azure/functions-core` (azure-functions-nodejs-worker, src/setupCoreModule.ts): the
 * worker serves that module by intercepting `require`, and `@azure/functions` registers every function through its
 * `registerFunction`. Without it the library is in test mode and registers nothing.
 */
function serveCoreApi(registered: Registration[]): void {
  class Disposable {
    constructor(private readonly callback: () => void) {}
    dispose(): void {
      this.callback();
    }
  }
  const coreApi = {
    version: '3.10.1',
    hostVersion: '4.1037.0',
    setProgrammingModel: () => undefined,
    getProgrammingModel: () => undefined,
    registerHook: () => new Disposable(() => undefined),
    log: () => undefined,
    registerFunction: (metadata: Registration) => {
      registered.push({ name: metadata.name, bindings: metadata.bindings });
      return new Disposable(() => undefined);
    },
    Disposable,
  };
  const proto = Module.prototype as unknown as { require: (id: string) => unknown };
  proto.require = new Proxy(proto.require, {
    apply(target, thisArg, args: [string]) {
      return args[0] === '@azure/functions-core' ? coreApi : Reflect.apply(target, thisArg, args);
    },
  });
}

/** Imports every entry point of `appDir`, then every production dependency, timing each. */
export async function loadFunctionApp(appDir: string): Promise<LoadReport> {
  const manifest = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as {
    main?: string;
    dependencies?: Record<string, string>;
  };
  const main = manifest.main ?? 'index.js';
  const registered: Registration[] = [];
  serveCoreApi(registered);
  const files: LoadReport['files'] = [];
  const started = performance.now();
  for (const file of entryPoints(appDir, main)) {
    const before = registered.length;
    const start = performance.now();
    let error: string | undefined;
    try {
      await import(pathToFileURL(file).href);
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
    }
    files.push({
      file: file.slice(appDir.length + 1),
      importMs: performance.now() - start,
      functions: registered.slice(before),
      ...(error !== undefined && { error }),
    });
  }
  const totalMs = performance.now() - started;
  const requireFromApp = createRequire(join(appDir, 'package.json'));
  const dependencies: LoadReport['dependencies'] = [];
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    const start = performance.now();
    try {
      await import(pathToFileURL(requireFromApp.resolve(name)).href);
      dependencies.push({ name, importMs: performance.now() - start });
    } catch (caught) {
      dependencies.push({ name, importMs: performance.now() - start, error: String(caught) });
    }
  }
  return { main, files, totalMs, dependencies };
}

if (process.argv[1] !== undefined && /loadFunctionApp\.m?js$/.test(process.argv[1])) {
  const appDir = resolve(process.argv[2] ?? '.');
  const report = await loadFunctionApp(appDir);
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
