import { didYouMean, editDistance } from '../../lib/config/did-you-mean';

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['prod', 'prod', 0],
    ['prd', 'prod', 1],
    ['kitten', 'sitting', 3],
    ['onPremisses', 'onPremises', 1],
    ['enviroments', 'environments', 1],
    ['tset', 'test', 2],
    ['RGR', 'RAX', 2],
  ])('%s -> %s = %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('didYouMean', () => {
  const fields = ['odsCode', 'name', 'scope', 'environments', 'network', 'budget'];
  test.each([
    { word: 'enviroments', candidates: fields, expected: 'environments' },
    { word: 'Network', candidates: fields, expected: 'network' }, // case is ignored
    { word: 'odscode', candidates: fields, expected: 'odsCode' },
    { word: 'scpoe', candidates: fields, expected: 'scope' }, // a swap is two edits
    { word: 'favouriteColour', candidates: fields, expected: undefined },
    { word: 'prd', candidates: ['prod', 'nonprod'], expected: 'prod' },
    { word: 'nonprd', candidates: ['prod', 'nonprod'], expected: 'nonprod' },
    // Three-letter ODS codes allow one edit only: RZZ is not a typo of RAA.
    { word: 'RAB', candidates: ['RAA', 'QAA'], expected: 'RAA' },
    { word: 'RZZ', candidates: ['RAA', 'QAA'], expected: undefined },
    { word: 'anything', candidates: [], expected: undefined },
  ])('$word -> $expected', ({ word, candidates, expected }) => {
    expect(didYouMean(word, candidates)).toBe(expected);
  });

  test('the closest candidate wins, and the first of equally close ones', () => {
    expect(didYouMean('nam', ['nams2', 'name'])).toBe('name');
    expect(didYouMean('cat', ['bat', 'hat'])).toBe('bat');
  });
});
