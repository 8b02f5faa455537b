import { ConfigError } from '../config-error';
import { TenantSetCheck } from './check-context';

/** ODS codes match their file names, are unique, and fit their scope; trusts name their ICB. */
export const checkOdsCodes: TenantSetCheck = ({ tenants, invalidTenantStems }) => {
  const errors: ConfigError[] = [];
  const seen = new Map<string, string>();
  const icbs = new Set(tenants.filter((t) => t.tenant.kind === 'icb').map((t) => t.tenant.odsCode));
  const kinds = new Map(tenants.map((t) => [t.tenant.odsCode, t.tenant.kind]));
  for (const { tenant, source, fileStem } of tenants) {
    const code = tenant.odsCode;
    if (code !== fileStem) {
      errors.push(
        source.errorAt(
          ['odsCode'],
          `expected "${fileStem}" to match the file name, got "${code}"`,
          `rename the file to ${code}${extensionOf(tenant.file)} or correct odsCode`,
        ),
      );
    }
    const other = seen.get(code);
    if (other)
      errors.push(
        source.errorAt(
          ['odsCode'],
          `duplicate ODS code "${code}", already used by ${other}`,
          'each organisation has exactly one tenant file',
        ),
      );
    seen.set(code, tenant.file);

    if (tenant.scope === 'national' && tenant.kind !== 'national') {
      errors.push(
        source.errorAt(
          ['scope'],
          `expected scope local for ODS code ${code}, got "national"`,
          'national scope is for X.. national bodies; trusts (R..) and ICBs (Q..) are local',
        ),
      );
    }
    if (tenant.scope === 'local' && tenant.kind === 'national') {
      errors.push(
        source.errorAt(
          ['scope'],
          `expected scope national for national body ${code}, got "local"`,
          'X.. codes are national bodies',
        ),
      );
    }
    if (tenant.kind === 'trust' && tenant.icb === undefined) {
      errors.push(
        source.errorAt(
          ['icb'],
          'is required for a local trust but missing',
          'add `icb: Q..` with the ODS code of the trust’s ICB',
        ),
      );
    }
    if (tenant.kind !== 'trust' && tenant.icb !== undefined) {
      errors.push(
        source.errorAt(
          ['icb'],
          `expected no icb for ${tenant.kind === 'icb' ? 'an ICB' : 'a national body'}, got "${tenant.icb}"`,
          'only trusts belong to an ICB; remove this field',
        ),
      );
    }
    if (
      tenant.kind === 'trust' &&
      tenant.icb !== undefined &&
      !icbs.has(tenant.icb) &&
      !invalidTenantStems.has(tenant.icb)
    ) {
      const kind = kinds.get(tenant.icb);
      const named = kind && (kind === 'trust' ? 'a trust' : 'a national body');
      const known = `known ICBs: ${[...icbs].sort().join(', ') || 'none'}`;
      errors.push(
        source.errorAt(
          ['icb'],
          named
            ? `expected the ODS code of an ICB tenant, got "${tenant.icb}", which is ${named}`
            : `expected the ODS code of an ICB tenant, got "${tenant.icb}", which has no tenant file`,
          named
            ? `an ICB code starts with Q; ${known}`
            : `onboard the ICB first (${directoryOf(tenant.file)}${tenant.icb}.yaml) or correct the code; ${known}`,
        ),
      );
    }
  }
  return errors;
};

function directoryOf(file: string): string {
  return file.replace(/[^/\\]*$/, '');
}

function extensionOf(file: string): string {
  return /\.ya?ml$/.exec(file)?.[0] ?? '.yaml';
}
