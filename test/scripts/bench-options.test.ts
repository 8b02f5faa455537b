import { parseBenchArgs } from '../../scripts/bench/options';

describe('npm run bench: the command line', () => {
  it('has defaults for a national run', () => {
    expect(parseBenchArgs([])).toEqual({
      options: expect.objectContaining({ sizes: [50, 250, 1000], pairs: 3, seed: 'bench', keep: false }),
    });
  });

  it('reads sizes, pairs and switches', () => {
    expect(parseBenchArgs(['--sizes', '250, 1000', '--pairs', '5', '--no-variants', '--keep'])).toEqual({
      options: expect.objectContaining({ sizes: [250, 1000], pairs: 5, noVariants: true, keep: true }),
    });
  });

  it('asks for help', () => {
    expect(parseBenchArgs(['--help'])).toEqual({ help: true });
  });

  // Bad input names the flag in one line; the script prints the usage and exits 2.
  it.each([
    [['--sizes', '250,x'], '--sizes: expected whole numbers separated by commas, got "250,x"'],
    [['--pairs', '0'], '--pairs: expected a whole number of at least 1, got "0"'],
    [['--pairs', '1.5'], '--pairs: expected a whole number of at least 1, got "1.5"'],
  ])('%j: %s', (args, error) => {
    expect(parseBenchArgs(args)).toEqual({ error });
  });

  it("names a mistyped option in Node's own words", () => {
    expect(parseBenchArgs(['--size', '5'])).toEqual({
      error: expect.stringMatching(/^Unknown option '--size'/),
    });
  });
});
