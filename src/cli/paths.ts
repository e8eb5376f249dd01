import { fileURLToPath } from 'node:url';

/** The project root, from the compiled (dist/src/cli) or source (src/cli) location alike. */
export function projectRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const marker = here.includes('/dist/') ? '/dist/' : '/src/';
  return here.slice(0, here.lastIndexOf(marker));
}
