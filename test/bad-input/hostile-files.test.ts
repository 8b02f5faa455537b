import { mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BadInputCase, describeCases } from './harness';

/**
 * Hostile or broken files where config files should be, for each file synth reads: each is
 * refused naming the file, in bounded time and memory, with no stack trace.
 */
const FILES = ['tenants/RAA.yaml', 'estate.yaml', 'exceptions.yaml', 'allocations.yaml'];

const ALIAS_BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map(
    (name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`,
  ),
  '',
].join('\n');

const HOSTILE: ReadonlyArray<readonly [string, () => string | Buffer, string]> = [
  ['an alias bomb', () => ALIAS_BOMB, 'found an anchor (&a)'],
  ['flow brackets nested 100,000 deep', () => `a: ${'['.repeat(100_000)}`, 'nesting at most 16 levels'],
  [
    'block mappings nested 1,000 deep',
    () => Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
    'nesting',
  ],
  ['a language tag', () => 'a: !!js/function "function () {}"\n', 'found the tag'],
  ['a custom tag', () => 'a: !include other.yaml\n', 'found the tag !include'],
  ['two YAML documents', () => 'a: 1\n---\nb: 2\n', 'expected one YAML document'],
  ['binary data', () => Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]), 'binary data'],
  ['UTF-16 text', () => Buffer.from('\ufeffa: 1\n', 'utf16le'), 'UTF-16'],
  [
    'an unresolved git conflict',
    () => 'a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> other\n',
    'merge-conflict marker',
  ],
];

const CASES: BadInputCase[] = [];
for (const file of FILES) {
  for (const [what, content, says] of HOSTILE) {
    CASES.push({
      name: `${file}: ${what}`,
      setup: (dir) => writeFileSync(join(dir, file), content()),
      args: (dir) => ['validate', '--config', dir],
      code: 2,
      names: { file },
      says,
    });
  }
  CASES.push(
    {
      name: `${file}: a folder`,
      setup: (dir) => {
        rmSync(join(dir, file));
        mkdirSync(join(dir, file));
      },
      args: (dir) => ['validate', '--config', dir],
      code: 2,
      names: { file },
      says: 'found a folder',
    },
    {
      name: `${file}: a dangling symbolic link`,
      setup: (dir) => {
        rmSync(join(dir, file));
        symlinkSync(join(dir, 'moved-away.yaml'), join(dir, file));
      },
      args: (dir) => ['validate', '--config', dir],
      code: 2,
      names: [{ file }, { file: 'moved-away.yaml' }],
    },
    {
      name: `${file}: 5 MB`,
      setup: (dir) => truncateSync(join(dir, file), 5 * 1024 * 1024),
      args: (dir) => ['validate', '--config', dir],
      code: 2,
      names: { file },
      says: 'at most 4 MB',
    },
  );
}

const FOLDER_CASES: BadInputCase[] = [
  ...['RJ1.YAML', 'RJ1.yaml.txt', 'RJ1.json', 'notes.md'].map((name): BadInputCase => ({
    name: `tenants/${name} is not skipped silently`,
    setup: (dir) => writeFileSync(join(dir, 'tenants', name), 'odsCode: RJ1\n'),
    args: (dir) => ['validate', '--config', dir],
    code: 2,
    names: { file: `tenants/${name}` },
    says: 'expected a tenant file named *.yaml or *.yml',
  })),
  {
    name: 'tenants is a file',
    setup: (dir) => {
      rmSync(join(dir, 'tenants'), { recursive: true });
      writeFileSync(join(dir, 'tenants'), 'x');
    },
    args: (dir) => ['validate', '--config', dir],
    code: 2,
    names: { file: 'tenants' },
  },
  {
    name: '--config pointing at a file',
    args: (dir) => ['validate', '--config', join(dir, 'estate.yaml')],
    code: 2,
    names: { file: 'estate.yaml' },
    says: 'is a file',
  },
  {
    name: '--config pointing nowhere',
    args: (dir) => ['validate', '--config', join(dir, 'nowhere')],
    code: 2,
    names: { file: 'nowhere/estate.yaml' },
  },
  {
    name: 'validate --format not in the list',
    args: (dir) => ['validate', '--config', dir, '--format', 'xml'],
    code: 2,
    names: { flag: '--format' },
  },
  {
    name: 'report --out into a folder that does not exist',
    args: (dir) => ['report', '--assembly', dir, '--out', join(dir, 'missing', 'review.md')],
    code: 2,
    names: { flag: '--out' },
    says: 'does not exist',
  },
  {
    name: 'report --out naming a folder',
    args: (dir) => ['report', '--assembly', dir, '--out', join(dir, 'tenants')],
    code: 2,
    names: { flag: '--out' },
    says: 'it is a folder',
  },
  {
    name: 'waves --out into a folder that does not exist',
    args: (dir) => ['waves', '--assembly', dir, '--config', dir, '--out', join(dir, 'missing', 'waves.json')],
    code: 2,
    names: { flag: '--out' },
    says: 'does not exist',
  },
  {
    name: 'waves --out naming a folder',
    args: (dir) => ['waves', '--assembly', dir, '--config', dir, '--out', join(dir, 'tenants')],
    code: 2,
    names: { flag: '--out' },
    says: 'it is a folder',
  },
  {
    name: 'generate-estate --out naming a file',
    args: (dir) => ['generate-estate', '--tenants', '2', '--out', join(dir, 'estate.yaml')],
    code: 2,
    names: { flag: '--out' },
    says: 'it is a file',
  },
  {
    name: 'report on a folder that is no assembly',
    args: (dir) => ['report', '--assembly', dir],
    code: 3,
    names: { text: 'is not a cloud assembly' },
  },
  {
    name: 'check --tenant that is no ODS code',
    args: (dir) => ['check', '--tenant', 'R-1', '--config', dir],
    code: 2,
    names: { flag: '--tenant' },
  },
  {
    // A ref no clone has (origin/main exists in CI's clone, not in every working copy).
    name: 'check --base naming no commit of the repository',
    args: (dir) => ['check', '--base', 'no-such-base-ref', '--config', dir],
    code: 2,
    names: { flag: '--base' },
  },
  {
    name: 'an unknown command',
    args: () => ['onbaord'],
    code: 2,
    names: { text: 'onbaord' },
  },
];

describeCases('hostile and broken files where config files should be', CASES);
describeCases('the config folder and the files commands are given', FOLDER_CASES);
