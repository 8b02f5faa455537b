import { handleError } from '../../lib/cli/handle-error';
import { ConfigValidationError } from '../../lib/config/config-error';
import {
  AwsUnavailableError,
  CheckFailedError,
  StaleAssemblyError,
  UserInputError,
} from '../../lib/errors/user-input-error';

/** Calls handleError with process.exit stubbed, returning what it printed and the exit code. */
function handle(error: unknown): { code: number; stderr: string } {
  let stderr = '';
  let code = -1;
  const exit = jest.spyOn(process, 'exit').mockImplementation(((c?: number) => {
    code = c ?? 0;
    throw new Error('exit');
  }) as never);
  try {
    handleError(error, (t) => void (stderr += t));
  } catch {
    // the stubbed exit
  } finally {
    exit.mockRestore();
  }
  return { code, stderr };
}

describe('handleError', () => {
  test('a UserInputError prints its message, no stack, and exits with its code', () => {
    const error = UserInputError.at({ flag: '--out' }, 'expected a file path', {
      hint: 'create the folder first',
    });
    expect(handle(error)).toEqual({
      code: 2,
      stderr: '--out: expected a file path\n  hint: create the folder first\n',
    });
  });

  test.each([
    [new CheckFailedError('verify-network: 1 violation'), 1],
    [new StaleAssemblyError('cdk.out is older than config/'), 3],
    [new AwsUnavailableError('ec2:DescribeVpcs: no answer in 5 s'), 4],
  ])('%p prints its message and exits %p (README, "Exit codes")', (error, code) => {
    expect(handle(error)).toEqual({ code, stderr: `${error.message}\n` });
  });

  test('a ConfigValidationError is a UserInputError: message only, exit 2', () => {
    const error = new ConfigValidationError([
      { file: 'config/estate.yaml', line: 3, column: 5, field: 'homeRegion', message: 'expected a region' },
    ]);
    expect(UserInputError.is(error)).toBe(true);
    const { code, stderr } = handle(error);
    expect(code).toBe(2);
    expect(stderr).toBe(`${error.message}\n`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('anything else is a bug: says so, prints the stack and exits 70', () => {
    const bug = new TypeError('cannot read x of undefined');
    const { code, stderr } = handle(bug);
    expect(code).toBe(70);
    expect(
      stderr.startsWith(
        'nhs-cloud: internal error (a bug, please report it)\nTypeError: cannot read x of undefined\n',
      ),
    ).toBe(true);
    expect(stderr).toContain(bug.stack);
  });

  test('a thrown non-Error is a bug too', () => {
    expect(handle('oops')).toEqual({
      code: 70,
      stderr: 'nhs-cloud: internal error (a bug, please report it)\noops\n',
    });
  });
});
