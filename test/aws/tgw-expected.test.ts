import { parseTgwExpected } from '../../lib/aws/tgw-expected';
import { EXPECTED } from './tgw-fixtures';

describe('parseTgwExpected', () => {
  test('accepts the plain-data model', () => {
    expect(parseTgwExpected(JSON.parse(JSON.stringify(EXPECTED)))).toEqual(EXPECTED);
  });

  const problemsOf = (data: unknown) => {
    try {
      parseTgwExpected(data);
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  };

  test('rejects a bad CIDR and an unknown field', () => {
    const message = problemsOf({
      routeTables: [
        {
          name: 'a',
          associations: [],
          propagations: [],
          staticRoutes: [{ cidr: '10.0.0.1/16', target: 'x' }],
        },
        { name: 'b', associations: [], propagations: [], staticRoutes: [], colour: 'red' },
      ],
    });
    expect(message).toMatch(/^invalid expected transit gateway model:\n/);
    expect(message).toContain('did you mean 10.0.0.0/16?');
    expect(message).toContain('colour');
  });

  test('rejects a route table named twice', () => {
    const table = { name: 'a', associations: [], propagations: [], staticRoutes: [] };
    expect(problemsOf({ routeTables: [table, table] })).toContain('expected each route table name once');
  });
});
