import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserInputError } from '../../lib/errors/user-input-error';
import { formatSyncReport, syncAccounts } from '../../lib/onboarding/sync-accounts';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';

/** RAJ with one environment still to vend (an e-mail, no account ID); RGR has two accounts. */
const RAJ = `odsCode: RAJ # Mid and South Essex
name: Mid and South Essex NHS Foundation Trust
scope: local
icb: QJG
dataClassification: OFFICIAL
patientData: true
contacts: { owner: it@mse.nhs.uk, security: cyber@mse.nhs.uk }
network: { currentPeakMbps: 100 }
environments:
  prod: { accountId: '300000000001', cidr: 10.65.0.0/21 }
  dev: { email: aws-raj-dev@mse.nhs.uk, cidr: 10.65.8.0/21 }
budget: { monthlyGbp: 1000 }
`;

let dir: string;
const tenantFile = (name: string) => join(dir, 'tenants', name);
const outputs = (content: unknown) => {
  const file = join(dir, 'outputs.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
};
const sync = (content: unknown, dryRun = false) =>
  syncAccounts({ outputsFile: outputs(content), configDir: dir, dryRun });
function failure(content: unknown): string {
  try {
    sync(content);
  } catch (error) {
    expect(UserInputError.is(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('sync-accounts accepted the outputs');
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sync-accounts-'));
  cpSync(FIXTURE_ESTATE_DIR, dir, { recursive: true });
  writeFileSync(tenantFile('RAJ.yaml'), RAJ);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('syncAccounts', () => {
  it('writes a vended account ID into its tenant file, keeping the rest of the file as it was', () => {
    const result = sync({
      'Org-RAJ': { VendedAccountIddev: '012345678901' },
      'Core-Organization': { Other: 'x' },
    });
    expect(readFileSync(tenantFile('RAJ.yaml'), 'utf8')).toBe(
      RAJ.replace(
        'dev: { email: aws-raj-dev@mse.nhs.uk, cidr: 10.65.8.0/21 }',
        "dev: { email: aws-raj-dev@mse.nhs.uk, cidr: 10.65.8.0/21, accountId: '012345678901' }",
      ),
    );
    expect(formatSyncReport(result)).toBe(`${tenantFile('RAJ.yaml')}: dev 012345678901 added`);
  });

  it('writes nothing on a dry run', () => {
    sync({ 'Org-RAJ': { VendedAccountIddev: '012345678901' } }, true);
    expect(readFileSync(tenantFile('RAJ.yaml'), 'utf8')).toBe(RAJ);
  });

  it('refuses an account ID the estate already uses, naming the output and the file that has it', () => {
    expect(failure({ 'Org-RAJ': { VendedAccountIddev: '123456789012' } })).toBe(
      `${join(dir, 'outputs.json')} Org-RAJ.VendedAccountIddev: expected an account no other environment uses, got 123456789012, which RGR prod (${tenantFile('RGR.yaml')}) already is\n` +
        '  hint: each tenant environment is its own AWS account; check the outputs come from this estate’s deploy',
    );
    expect(readFileSync(tenantFile('RAJ.yaml'), 'utf8')).toBe(RAJ);
  });

  it('writes no file at all when any account conflicts, and names every problem', () => {
    const message = failure({
      'Org-RGR': { VendedAccountIdprod: '999999999999' },
      'Org-RAJ': { VendedAccountIddev: '012345678901', VendedAccountIdtest: '012345678902' },
    });
    expect(message.split('\n').filter((l) => !l.startsWith('  hint'))).toEqual([
      `${join(dir, 'outputs.json')} Org-RAJ.VendedAccountIdtest: expected an environment of RAJ (prod, dev), got "test"`,
      `${join(dir, 'outputs.json')} Org-RGR.VendedAccountIdprod: expected 123456789012, the account ${tenantFile('RGR.yaml')} gives RGR prod, got 999999999999`,
    ]);
    expect(readFileSync(tenantFile('RAJ.yaml'), 'utf8')).toBe(RAJ);
  });

  it.each([
    [
      { 'Org-RAJ': { VendedAccountIddev: '0123-4567-8901' } },
      'Org-RAJ.VendedAccountIddev: expected a 12-digit AWS account ID, got "0123-4567-8901"\n  hint: write it without dashes or spaces: "012345678901"',
    ],
    [
      { 'Org-RAJ': { VendedAccountIddev: 12345678901 } },
      'Org-RAJ.VendedAccountIddev: expected a 12-digit account ID as text, got number 12345678901',
    ],
    [
      { 'Org-RAJ': ['012345678901'] },
      "Org-RAJ: expected the stack's outputs as an object of names and values, got a list",
    ],
    [
      { 'Org-raj': { VendedAccountIddev: '012345678901' } },
      'Org-raj: expected a tenant organization stack named Org-<ODS code>, got "Org-raj"',
    ],
    [
      { 'Org-RAJ': { VendedAccountIdDev: '012345678901' } },
      'Org-RAJ.VendedAccountIdDev: expected VendedAccountId<environment>, got "VendedAccountIdDev"',
    ],
    [
      { 'Org-RZZ': { VendedAccountIdprod: '012345678901' } },
      'Org-RZZ.VendedAccountIdprod: expected a tenant of the config, got RZZ, which has no tenant file',
    ],
  ])('refuses outputs of the wrong shape: %j', (content, message) => {
    expect(failure(content)).toContain(`${join(dir, 'outputs.json')} ${message}`);
  });

  it('refuses an outputs file that is missing, a folder, not JSON or not an object, naming it', () => {
    const file = join(dir, 'outputs.json');
    expect(() => syncAccounts({ outputsFile: join(dir, 'none.json'), configDir: dir })).toThrow(
      `--outputs: ${join(dir, 'none.json')}: expected the outputs file, found nothing there`,
    );
    mkdirSync(join(dir, 'folder.json'));
    expect(() => syncAccounts({ outputsFile: join(dir, 'folder.json'), configDir: dir })).toThrow(
      `--outputs: ${join(dir, 'folder.json')}: expected a file, found a folder`,
    );
    writeFileSync(file, '{ not json');
    expect(() => syncAccounts({ outputsFile: file, configDir: dir })).toThrow(
      new RegExp(
        `^--outputs: ${file}: expected the JSON cdk deploy --outputs-file writes, but it is not valid JSON`,
      ),
    );
    writeFileSync(file, '[]');
    expect(() => syncAccounts({ outputsFile: file, configDir: dir })).toThrow(
      `--outputs: ${file}: expected an object of stacks and their outputs, got a list`,
    );
    expect(formatSyncReport(sync({}))).toBe('No vended accounts in the outputs file.');
  });

  it('a YAML error in a tenant file names that file', () => {
    writeFileSync(tenantFile('RDE.yaml'), 'odsCode: RDE\nname: [unclosed\n');
    expect(failure({ 'Org-RAJ': { VendedAccountIddev: '012345678901' } })).toContain(
      `${tenantFile('RDE.yaml')}:2:7: YAML syntax error: expected "]" to close the list opened here, found none`,
    );
  });
});
