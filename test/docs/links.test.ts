import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brokenLinks, headingSlugs, linksOf, markdownFiles } from './markdown-links';

const ROOT = join(__dirname, '../..');

describe('Markdown links in README.md and docs/', () => {
  test('every relative link and #anchor resolves', () => {
    expect(markdownFiles(ROOT).length).toBeGreaterThan(10);
    expect(brokenLinks(ROOT)).toEqual([]);
  });
});

/** Files under `dir` (relative to the root) whose names end in one of `exts`. */
function sourceFiles(dir: string, exts: readonly string[]): string[] {
  if (!existsSync(join(ROOT, dir))) return [];
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path, exts);
    return exts.some((e) => name.endsWith(e)) ? [path] : [];
  });
}

describe('docs cited by source comments and workflows', () => {
  test('every docs/**.md path named in lib/, scripts/, bin/ and .github/ exists', () => {
    const files = ['lib', 'scripts', 'bin', '.github'].flatMap((d) =>
      sourceFiles(d, ['.ts', '.mjs', '.yml', '.yaml']),
    );
    expect(files.length).toBeGreaterThan(50);
    const missing = files.flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((text, i) =>
          [...text.matchAll(/\bdocs\/[\w./-]+?\.md\b/g)]
            .filter((m) => !existsSync(join(ROOT, m[0])))
            .map((m) => `${file}:${i + 1}: ${m[0]}`),
        ),
    );
    expect(missing).toEqual([]);
  });
});

describe('the link checker', () => {
  test('finds inline and reference links, not links in code', () => {
    const text = [
      'See [a](a.md#x) and ![img](i.png "t").',
      '`[not](code.md)`',
      '```',
      '[fenced](no.md)',
      '```',
      '[ref]: docs/ref.md',
    ].join('\n');
    expect(linksOf(text)).toEqual([
      { line: 1, target: 'a.md#x' },
      { line: 1, target: 'i.png' },
      { line: 6, target: 'docs/ref.md' },
    ]);
  });

  test('makes GitHub-style heading slugs, numbering repeats', () => {
    const slugs = headingSlugs(
      '# The CLI\n## Verifying the live routing\n## `cdk synth` options: -c KEY\n## The CLI\n',
    );
    expect([...slugs]).toEqual([
      'the-cli',
      'verifying-the-live-routing',
      'cdk-synth-options--c-key',
      'the-cli-1',
    ]);
  });

  test('names the file, line and target of a broken link', () => {
    const problems = brokenLinks(join(__dirname, 'fixtures'), ['broken.md']);
    expect(problems).toEqual([
      'broken.md:3: missing.md (no such file)',
      'broken.md:4: broken.md#nowhere (no heading #nowhere in broken.md)',
      'broken.md:5: ../../../../outside.md (outside the repository)',
    ]);
  });
});
