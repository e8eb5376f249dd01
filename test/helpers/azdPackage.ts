import { execFileSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** Every path under `folder`, relative, `/`-separated, directories with a trailing `/`. */
function listPaths(folder: string): string[] {
  const paths: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(folder, path).split('\\').join('/');
      if (entry.isDirectory()) {
        paths.push(`${rel}/`);
        visit(path);
      } else paths.push(rel);
    }
  };
  visit(folder);
  return paths;
}

/**
 * The files azd puts in the zip of a Function App (azure-dev cli/azd/pkg/project/project_utils.go,
 * `createDeployableZip`): everything under the folder except `.azure` directories, the ignore file and
 * `local.settings.json`, and what the ignore file matches with gitignore rules. The rules are applied by
 * `git check-ignore` in an empty work tree, so that only the ignore file speaks (no `.gitignore` of a dependency).
 */
export function azdZipContents(folder: string, ignoreFile = '.funcignore'): string[] {
  const paths = listPaths(folder);
  const scratch = mkdtempSync(join(tmpdir(), 'funcignore-'));
  try {
    execFileSync('git', ['init', '-q', scratch]);
    let output = '';
    try {
      output = execFileSync(
        'git',
        ['-c', `core.excludesFile=${join(folder, ignoreFile)}`, 'check-ignore', '--no-index', '--stdin'],
        { cwd: scratch, input: paths.join('\n'), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
      );
    } catch (error) {
      // Exit status 1: nothing is ignored.
      if ((error as { status?: number }).status !== 1) throw error;
    }
    const ignored = new Set(output.split('\n').filter(Boolean));
    const excludedDirs: string[] = [];
    return paths.filter((path) => {
      const name = path.replace(/\/$/, '').split('/').at(-1)!;
      const isDir = path.endsWith('/');
      if (excludedDirs.some((dir) => path.startsWith(dir))) return false;
      if ((isDir && name === '.azure') || ignored.has(path)) {
        if (isDir) excludedDirs.push(path);
        return false;
      }
      if (!isDir && (name === ignoreFile || name === 'local.settings.json')) return false;
      return !isDir;
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Copies `files` (relative to `from`) into `to`, which becomes the package folder. */
export function copyFiles(from: string, to: string, files: readonly string[]): { bytes: number } {
  let bytes = 0;
  for (const file of files) {
    const target = join(to, file);
    mkdirSync(join(target, '..'), { recursive: true });
    cpSync(join(from, file), target, { verbatimSymlinks: true });
    const stat = lstatSync(target);
    if (stat.isFile()) bytes += stat.size;
  }
  return { bytes };
}
