import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatSyncReport, syncAccounts } from '../../lib/onboarding/sync-accounts';
import { UserInputError } from '../../lib/errors/user-input-error';

const RGR = `odsCode: RGR # West Suffolk
environments:
  prod: { accountId: '200000000001', cidr: 10.64.0.0/21 }
  dev: { email: aws-rgr-dev@wsh.nhs.uk, cidr: 10.64.8.0/21 }
`;
const QJG = `odsCode: QJG
environments:
  prod: { accountId: '200000000003', cidr: 10.64.16.0/21 }
`;

let dir: string;
const tenantFile = (name: string) => join(dir, 'tenants', name);
const outputs = (content: object) => {
  const file = join(dir, 'outputs.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sync-accounts-'));
  mkdirSync(join(dir, 'tenants'));
  // File names need not match the ODS code: files are found by the code they declare.
  writeFileSync(tenantFile('west-suffolk.yaml'), RGR);
  writeFileSync(tenantFile('QJG.yaml'), QJG);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('syncAccounts', () => {
  it('writes vended account IDs into the tenant file that declares the ODS code', () => {
    const file = outputs({
      'Org-RGR': { VendedAccountIddev: '012345678901' },
      'Core-Organization': { Other: 'x' },
    });
    const result = syncAccounts({ outputsFile: file, configDir: dir });
    expect(readFileSync(tenantFile('west-suffolk.yaml'), 'utf8')).toBe(
      RGR.replace(
        'dev: { email: aws-rgr-dev@wsh.nhs.uk, cidr: 10.64.8.0/21 }',
        "dev: { email: aws-rgr-dev@wsh.nhs.uk, cidr: 10.64.8.0/21, accountId: '012345678901' }",
      ),
    );
    expect(readFileSync(tenantFile('QJG.yaml'), 'utf8')).toBe(QJG);
    expect(formatSyncReport(result)).toBe(`${tenantFile('west-suffolk.yaml')}: dev 012345678901 added`);
  });

  it('writes nothing on a dry run', () => {
    syncAccounts({
      outputsFile: outputs({ 'Org-RGR': { VendedAccountIddev: '012345678901' } }),
      configDir: dir,
      dryRun: true,
    });
    expect(readFileSync(tenantFile('west-suffolk.yaml'), 'utf8')).toBe(RGR);
  });

  it('writes no file at all when any file conflicts', () => {
    const file = outputs({
      'Org-QJG': { VendedAccountIdprod: '999999999999' },
      'Org-RGR': { VendedAccountIddev: '012345678901' },
    });
    expect(() => syncAccounts({ outputsFile: file, configDir: dir })).toThrow(
      `${tenantFile('QJG.yaml')}: environments.prod.accountId is 200000000003 but the organization vended 999999999999`,
    );
    expect(() => syncAccounts({ outputsFile: file, configDir: dir })).toThrow(UserInputError);
    expect(readFileSync(tenantFile('west-suffolk.yaml'), 'utf8')).toBe(RGR);
  });

  it('names a tenant with vended accounts but no file', () => {
    const file = outputs({ 'Org-RAX': { VendedAccountIdprod: '012345678901' } });
    expect(() => syncAccounts({ outputsFile: file, configDir: dir })).toThrow(
      `${file}: accounts were vended for RAX, but no tenant file has that odsCode`,
    );
  });

  it('reports an outputs file that is not JSON', () => {
    const file = join(dir, 'outputs.json');
    writeFileSync(file, '{ not json');
    expect(() => syncAccounts({ outputsFile: file, configDir: dir })).toThrow(
      new RegExp(`^${file}: not valid JSON`),
    );
  });

  it('reports a missing outputs file, and an outputs file with nothing vended', () => {
    expect(() => syncAccounts({ outputsFile: join(dir, 'none.json'), configDir: dir })).toThrow(
      `${join(dir, 'none.json')}: outputs file not found`,
    );
    expect(formatSyncReport(syncAccounts({ outputsFile: outputs({}), configDir: dir }))).toBe(
      'No vended accounts in the outputs file.',
    );
  });
});
