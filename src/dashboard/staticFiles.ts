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

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const ALLOWED = /^[a-z0-9-]+\.(html|js|css)$/;
let root: string | undefined;

/** One of the dashboard's own files (no CDN): only plain names from static/, nothing else. */
export async function readStatic(name: string): Promise<{ body: string; contentType: string } | undefined> {
  if (!ALLOWED.test(name)) return undefined;
  root ??= findStatic();
  try {
    return { body: await readFile(join(root, name), 'utf8'), contentType: TYPES[name.slice(name.lastIndexOf('.'))]! };
  } catch {
    return undefined;
  }
}
