import { builtinCfnValidation, creationStackTraces, treeMetadata } from '../../lib/app/synth-switches';

test.each([
  [{}, false],
  [{ CI: 'true' }, true],
  [{ CI: '1' }, true],
  [{ CI: 'false' }, false],
  [{ NHS_CLOUD_CFN_VALIDATE: 'true' }, true],
  [{ NHS_CLOUD_CFN_VALIDATE: '1' }, true],
  [{ CI: 'true', NHS_CLOUD_CFN_VALIDATE: 'false' }, false],
  [{ NHS_CLOUD_CFN_VALIDATE: 'TRUE' }, true],
])('builtinCfnValidation(%j) is %s', (env, expected) => {
  expect(builtinCfnValidation(env)).toBe(expected);
});

test.each([
  [{}, false],
  [{ CI: 'true' }, true],
  [{ CI: 'false' }, false],
  [{ NHS_CLOUD_SOURCE_LINES: 'true' }, true],
  [{ NHS_CLOUD_SOURCE_LINES: '0' }, false],
  [{ CI: 'true', NHS_CLOUD_SOURCE_LINES: 'false' }, false],
  [{ CI: 'true', NHS_CLOUD_CFN_VALIDATE: 'false' }, true],
])('creationStackTraces(%j) is %s', (env, expected) => {
  expect(creationStackTraces(env)).toBe(expected);
});

test.each([
  [{}, false],
  [{ CI: 'true' }, false],
  [{ NHS_CLOUD_TREE_METADATA: 'true' }, true],
  [{ NHS_CLOUD_TREE_METADATA: '1' }, true],
  [{ NHS_CLOUD_TREE_METADATA: 'no' }, false],
])('treeMetadata(%j) is %s', (env, expected) => {
  expect(treeMetadata(env)).toBe(expected);
});
