import {
  ConfigError,
  ConfigValidationError,
  describeValue,
  formatConfigError,
  formatConfigErrors,
  sortConfigErrors,
} from '../../lib/config/config-error';

const at = (file: string, line: number, column: number, field = 'name', hint?: string): ConfigError => ({
  file,
  line,
  column,
  field,
  message: 'expected text, got 42',
  hint,
});

describe('formatConfigError', () => {
  test.each([
    {
      error: at('config/tenants/RGR.yaml', 14, 18, 'environments.prod.accountId', 'quote it'),
      text: 'config/tenants/RGR.yaml:14:18 environments.prod.accountId: expected text, got 42\n  hint: quote it',
    },
    { error: at('config/estate.yaml', 2, 7), text: 'config/estate.yaml:2:7 name: expected text, got 42' },
    { error: at('config/estate.yaml', 0, 0, ''), text: 'config/estate.yaml: expected text, got 42' },
    { error: at('config/estate.yaml', 3, 1, ''), text: 'config/estate.yaml:3:1: expected text, got 42' },
  ])('$text', ({ error, text }) => {
    expect(formatConfigError(error)).toBe(text);
  });
});

describe('sorting and summary', () => {
  const errors = [
    at('b.yaml', 2, 1),
    at('a.yaml', 10, 1),
    at('a.yaml', 2, 5),
    at('a.yaml', 2, 3, 'z'),
    at('a.yaml', 2, 3, 'a'),
  ];

  test('errors sort by file, line, column, then field', () => {
    expect(sortConfigErrors(errors).map((e) => `${e.file}:${e.line}:${e.column} ${e.field}`)).toEqual([
      'a.yaml:2:3 a',
      'a.yaml:2:3 z',
      'a.yaml:2:5 name',
      'a.yaml:10:1 name',
      'b.yaml:2:1 name',
    ]);
  });

  test('the summary counts errors and distinct files', () => {
    expect(formatConfigErrors(errors).split('\n').pop()).toBe('5 configuration errors in 2 files.');
    expect(formatConfigErrors([errors[0]])).toBe(
      'b.yaml:2:1 name: expected text, got 42\n\n1 configuration error in 1 file.',
    );
  });

  test('ConfigValidationError carries every error and prints them all', () => {
    const error = new ConfigValidationError(errors);
    expect(error.name).toBe('ConfigValidationError');
    expect(error.errors).toBe(errors);
    expect(error.message).toBe(formatConfigErrors(errors));
  });
});

describe('describeValue', () => {
  test.each([
    [undefined, 'nothing'],
    [null, 'an empty value'],
    ['12345', '"12345"'],
    [12345, '12345'],
    [true, 'true'],
    [[], 'an empty list'],
    [[1], 'a list'],
    [{}, 'an empty mapping'],
    [{ a: 1 }, 'a mapping'],
  ])('%p -> %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });
});
