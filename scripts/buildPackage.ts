import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What never goes into the folder azd zips: dependencies are installed afresh, the rest is local state. */
const SKIPPED = new Set(['node_modules', '.git', '.deploy', '.azure', 'out', 'test-results', '.azurite']);

/**
 * The folder `azd package` zips (azure.yaml `dist: .deploy`, run by the service's `prepackage` hook): the project as
 * built, with production dependencies only (`npm ci --omit=dev`, from the lockfile). azd then applies `.funcignore`
 * (gitignore rules) to it and deploys the zip as is (`remoteBuild: false`), so what runs in Azure is what was built
 * and tested here. The package test builds it the same way and loads it.
 */
export function buildPackage(outDir: string, options: { root?: string; quiet?: boolean } = {}): string {
  const root = resolve(options.root ?? ROOT);
  const target = resolve(outDir);
  if (!existsSync(join(root, 'dist', 'functions')))
    throw new Error(`${join(root, 'dist')} is missing: run "npm run build" first (npm run package does).`);
  rmSync(target, { recursive: true, force: true });
  cpSync(root, target, {
    recursive: true,
    filter: (source) => {
      const rel = relative(root, source);
      return rel === '' || rel.split(/[\\/]/).length > 1 || !SKIPPED.has(basename(source));
    },
  });
  // No scripts: `prepare` would rebuild with the compiler, a devDependency; dist/ is already built.
  execFileSync(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
    { cwd: target, stdio: options.quiet === true ? 'ignore' : 'inherit', shell: process.platform === 'win32' },
  );
  return target;
}

if (process.argv[1]?.endsWith('buildPackage.js')) {
  const target = buildPackage(process.argv[2] ?? join(ROOT, '.deploy'));
  console.log(`Deployment folder: ${target} (azd zips it without what .funcignore names).`);
}
