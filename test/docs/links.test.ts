import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every Markdown page a reader follows: the README, docs/, and the READMEs beside the code. */
function pages(): string[] {
  const found = ['README.md', 'infra/README.md', 'samples/README.md'].filter((p) => existsSync(join(ROOT, p)));
  for (const name of readdirSync(join(ROOT, 'docs'))) if (name.endsWith('.md')) found.push(`docs/${name}`);
  return found;
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6} (.+)$/.exec(line);
    if (heading) anchors.add(slug(heading[1]!));
  }
  return anchors;
}

/** Relative links outside code blocks and inline code: `[text](target)`. */
function linksOf(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

describe('documentation links', () => {
  const all = pages();

  it('finds the front door and the architecture and how-to pages', () => {
    expect(all).toEqual(
      expect.arrayContaining([
        'README.md',
        'docs/architecture.md',
        'docs/adding-an-error-code.md',
        'docs/adding-a-probe.md',
        'docs/adding-a-notification-format.md',
      ]),
    );
  });

  it.each(all)('%s: every relative link resolves, anchors included', (page) => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    const broken: string[] = [];
    for (const link of linksOf(text)) {
      const [path = '', anchor] = link.split('#');
      const target = path === '' ? join(ROOT, page) : join(ROOT, dirname(page), decodeURI(path));
      if (!existsSync(target)) broken.push(`${link} (no ${relative(ROOT, target)})`);
      else if (anchor !== undefined && target.endsWith('.md') && !anchorsOf(readFileSync(target, 'utf8')).has(anchor))
        broken.push(`${link} (no heading #${anchor})`);
    }
    expect(broken).toEqual([]);
  });

  it('keeps the README a front door: under 150 lines, the quick start in its first 40', () => {
    const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
    expect(lines.length).toBeLessThan(150);
    expect(lines.slice(0, 40).join('\n')).toMatch(/## Quick start[\s\S]*npm ci[\s\S]*npm start[\s\S]*npm test/);
  });
});
