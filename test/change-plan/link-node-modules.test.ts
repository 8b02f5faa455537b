import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkNodeModules } from '../../lib/change-plan/link-node-modules';

let temp: string;
let root: string;
let worktree: string;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'link-modules-'));
  root = join(temp, 'root');
  worktree = join(temp, 'base');
  mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'pkg', 'index.js'), 'ours');
  mkdirSync(worktree);
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

/** The worktree's node_modules is a link to the working tree's, and the working tree's is untouched. */
function expectLinked(): void {
  const link = join(worktree, 'node_modules');
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(readlinkSync(link)).toBe(join(root, 'node_modules'));
  expect(readFileSync(join(link, 'pkg', 'index.js'), 'utf8')).toBe('ours');
}

test('links the working tree packages into a base without any', () => {
  linkNodeModules(root, worktree);
  expectLinked();
});

test('replaces a node_modules folder the base commit carries', () => {
  mkdirSync(join(worktree, 'node_modules', 'old'), { recursive: true });
  writeFileSync(join(worktree, 'node_modules', 'old', 'index.js'), 'theirs');
  linkNodeModules(root, worktree);
  expectLinked();
});

test('replaces a committed node_modules symlink, even a dangling one, without following it', () => {
  const cache = join(temp, 'ci-cache');
  mkdirSync(cache);
  writeFileSync(join(cache, 'keep.js'), 'cache');
  symlinkSync(cache, join(worktree, 'node_modules'), 'dir');
  linkNodeModules(root, worktree);
  expectLinked();
  expect(readFileSync(join(cache, 'keep.js'), 'utf8')).toBe('cache');

  rmSync(join(worktree, 'node_modules'));
  symlinkSync(join(temp, 'nowhere'), join(worktree, 'node_modules'), 'dir');
  linkNodeModules(root, worktree);
  expectLinked();
});

test('no installed packages is an input error naming the folder', () => {
  rmSync(join(root, 'node_modules'), { recursive: true });
  expect(() => linkNodeModules(root, worktree)).toThrow(
    `${join(root, 'node_modules')}: not found: plan synthesizes both sides with these packages\n  hint: run npm ci first`,
  );
});
