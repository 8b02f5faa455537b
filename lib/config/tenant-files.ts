/**
 * Which entries of `tenants/` are tenant files. Everything in the folder is a tenant file
 * (`*.yaml` or `*.yml`), an editor's backup or hidden file (ignored), or a mistake that is
 * reported: `RJ1.YAML`, `RJ1.yaml.txt` or `RJ1.json` used to be skipped without a word, so a
 * trust's file silently dropped out of the estate.
 *
 *   RGR.yaml, QJG.yml         -> tenant files
 *   .RGR.yaml.swp, RGR.yaml~  -> ignored (editor backups, hidden files such as .#RGR.yaml)
 *   #RGR.yaml#, RGR.yaml.orig -> ignored (Emacs autosave, merge-tool backup)
 *   RJ1.YAML, RJ1.yaml.txt    -> error: not named *.yaml
 */
export interface TenantFolderEntries {
  readonly tenantFiles: readonly string[];
  /** Names that are neither tenant files nor ignorable, with what to do about each. */
  readonly misnamed: ReadonlyArray<{ readonly name: string; readonly hint: string }>;
}

const TENANT_FILE = /\.ya?ml$/;
const BACKUP = [/^\./, /~$/, /^#.*#$/, /\.(bak|orig|swp|swo|tmp)$/i];

export function classifyTenantFolder(names: readonly string[]): TenantFolderEntries {
  const tenantFiles: string[] = [];
  const misnamed: { name: string; hint: string }[] = [];
  for (const name of [...names].sort()) {
    // Hidden files first: `.#RGR.yaml` is an Emacs lock file, not a tenant.
    if (BACKUP.some((pattern) => pattern.test(name))) continue;
    if (TENANT_FILE.test(name)) tenantFiles.push(name);
    else misnamed.push({ name, hint: hintFor(name) });
  }
  return { tenantFiles, misnamed };
}

function hintFor(name: string): string {
  const stem = /^(.*?)\.ya?ml\b/i.exec(name)?.[1] ?? name.replace(/\.[^.]*$/, '');
  const rename = /^[RQX][A-Z0-9]{2}$/i.test(stem) ? `rename it to ${stem.toUpperCase()}.yaml, or ` : '';
  return `tenants/ holds only tenant files named ODS.yaml; ${rename}move it out of the folder`;
}
