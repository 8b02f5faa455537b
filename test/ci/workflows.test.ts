import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The workflows run a current toolchain: Node 24 LTS, and every action pinned to a commit SHA
 * (with its release tag in a comment) of a major that runs on Node 24. The SHAs were read from
 * the actions' own repositories; bump them together with the tag comments.
 */
const DIR = join(__dirname, '..', '..', '.github', 'workflows');
const workflows = readdirSync(DIR)
  .filter((f) => f.endsWith('.yml'))
  .map((file) => ({ file, text: readFileSync(join(DIR, file), 'utf8') }));
const uses = workflows.flatMap(({ file, text }) =>
  [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)].map((m) => ({ file, action: m[1]!, rest: m[2]! })),
);

/** The majors that run on node24 (each action.yml says `using: node24`). */
const NODE_24_MAJORS: Record<string, string> = {
  'actions/checkout': 'v7',
  'actions/setup-node': 'v7',
  'actions/upload-artifact': 'v7',
  'actions/download-artifact': 'v8',
  'actions/github-script': 'v8',
  'aws-actions/configure-aws-credentials': 'v6',
  'github/codeql-action/upload-sarif': 'v4',
};

test('every workflow sets up Node 24', () => {
  expect(workflows.map((w) => w.file).sort()).toEqual(['deploy.yml', 'pr.yml', 'security-review.yml']);
  for (const { text } of workflows) {
    const versions = [...text.matchAll(/node-version:\s*(\S+)/g)].map((m) => m[1]);
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions)).toEqual(new Set(['24']));
  }
});

test('every action is pinned to a commit SHA, with its tag, at a Node 24 major', () => {
  expect(uses.length).toBeGreaterThan(10);
  const wrong = uses.filter(({ action, rest }) => {
    const [name, ref] = action.split('@');
    const tag = /#\s*(v\d+)\.\d+\.\d+\s*$/.exec(rest)?.[1];
    return !/^[0-9a-f]{40}$/.test(ref ?? '') || tag === undefined || NODE_24_MAJORS[name!] !== tag;
  });
  expect(wrong).toEqual([]);
});

test('one SHA per action across the workflows, and SARIF goes through upload-sarif v4', () => {
  const byAction = new Map<string, Set<string>>();
  for (const { action } of uses) {
    const [name, ref] = action.split('@');
    byAction.set(name!, (byAction.get(name!) ?? new Set()).add(ref!));
  }
  expect([...byAction.values()].filter((refs) => refs.size > 1)).toEqual([]);
  expect(byAction.has('github/codeql-action/upload-sarif')).toBe(true);
});
