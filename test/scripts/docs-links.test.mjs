import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The documentation must stand alone: every repo path it names exists, and nothing sends the
// reader outside the repository (the specification once lived in ../shared/DOMAIN.md).
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REPO_DIRS = ['src', 'sandbox', 'scripts', 'test', 'docs', 'contract'];

/** Fenced code blocks hold commands and sketches, not references: left out. */
const withoutFences = (text) => text.replace(/^```[\s\S]*?^```/gm, '');

/** Relative targets of Markdown links and images, without their #anchor. */
export function relativeLinks(markdown) {
  const targets = [];
  for (const match of withoutFences(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = match[1];
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    targets.push(target.split('#')[0]);
  }
  return targets.filter((t) => t !== '');
}

/** `src/…`-like paths in inline code; templates (`<id>`, `*`, `{x}`) are not paths. */
export function backtickedPaths(markdown) {
  const paths = [];
  const dirs = REPO_DIRS.join('|');
  for (const match of withoutFences(markdown).matchAll(new RegExp(`\`((?:${dirs})/[^\`\\s]*)\``, 'g'))) {
    if (/[<>*{}]/.test(match[1])) continue;
    paths.push(match[1]);
  }
  return paths;
}

/** Every reason a document fails: missing targets, links leaving the repository, ../shared. */
export function problemsOf(file, markdown, repoRoot = root) {
  const problems = [];
  if (markdown.includes('../shared')) problems.push(`${file}: refers to ../shared (outside the repository)`);
  for (const target of relativeLinks(markdown)) {
    const absolute = resolve(repoRoot, dirname(file), decodeURIComponent(target));
    if (relative(repoRoot, absolute).startsWith('..')) problems.push(`${file}: link ${target} leaves the repository`);
    else if (!existsSync(absolute)) problems.push(`${file}: link ${target} does not exist`);
  }
  for (const path of backtickedPaths(markdown)) {
    if (!existsSync(join(repoRoot, path))) problems.push(`${file}: path \`${path}\` does not exist`);
  }
  return problems;
}

const docs = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('documentation links and paths', () => {
  it('finds the project documentation', () => {
    expect(docs).toEqual(expect.arrayContaining(['README.md', 'docs/README.md', 'docs/procedure.md', 'docs/settings.md', 'docs/architecture.md']));
  });

  it.each(docs)('%s names only paths that exist and stays inside the repository', (file) => {
    expect(problemsOf(file, readFileSync(join(root, file), 'utf8'))).toEqual([]);
  });

  it('the checker itself catches a missing path, a missing link, ../shared and a link out of the repository', () => {
    const bad = ['See `src/nothing-here.ts` and [x](docs/missing.md),', 'the spec in `../shared/DOMAIN.md`, [up](../../etc/passwd).', '```', '`src/inside-a-fence.ts`', '```', '[ok](README.md) `src/main.tsx` `test/e2e/<file>.test.mjs` [web](https://example.com)'].join('\n');
    expect(problemsOf('README.md', bad)).toEqual([
      'README.md: refers to ../shared (outside the repository)',
      'README.md: link docs/missing.md does not exist',
      'README.md: link ../../etc/passwd leaves the repository',
      'README.md: path `src/nothing-here.ts` does not exist',
    ]);
  });

  it('the docs index links each document, and the architecture embeds the layers picture', () => {
    const index = readFileSync(join(root, 'docs/README.md'), 'utf8');
    for (const doc of ['procedure.md', 'settings.md', 'architecture.md']) expect(relativeLinks(index)).toContain(doc);
    const architecture = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    expect(architecture).toMatch(/!\[[^\]]+\]\(layers\.svg\)/);
    const svg = readFileSync(join(root, 'docs/layers.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toMatch(/@import|<link|font-face|href="http/);
  });
});
