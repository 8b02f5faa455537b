import { builtinCfnValidation, creationStackTraces } from '../../../lib/stacks/delivery/cfn-validation';

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
