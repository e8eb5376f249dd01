import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findStatic(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'static', 'dashboard.html'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('static/dashboard.html not found: the package is incomplete');
    dir = parent;
  }
  return join(dir, 'static');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const ALLOWED = /^[a-z0-9-]+\.(html|js|css)$/;
let root: string | undefined;
const cache = new Map<string, Promise<{ body: string; contentType: string } | undefined>>();

/** One of the dashboard's own files (no CDN): only plain names from static/, each read once per process. */
export function readStatic(name: string): Promise<{ body: string; contentType: string } | undefined> {
  if (!ALLOWED.test(name)) return Promise.resolve(undefined);
  let file = cache.get(name);
  if (file === undefined) {
    root ??= findStatic();
    file = readFile(join(root, name), 'utf8').then(
      (body) => ({ body, contentType: TYPES[name.slice(name.lastIndexOf('.'))]! }),
      () => {
        cache.delete(name);
        return undefined;
      },
    );
    cache.set(name, file);
  }
  return file;
}
