import { DeployProofReport } from './types';

/** At most this many violations per proof are listed; the count is always given. */
export const MAX_LISTED = 50;

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function formatMarkdown(report: DeployProofReport): string {
  const lines = ['# Deploy proofs', '', `${report.stacks} stacks.`, ''];
  lines.push('| proof | checked | violations |', '| --- | ---: | ---: |');
  for (const p of report.proofs) lines.push(`| ${p.title} | ${p.checked} | ${p.violations.length} |`);
  for (const p of report.proofs) {
    if (!p.violations.length && !Object.keys(p.notModelled).length) continue;
    lines.push('', `## ${p.title}`, '');
    if (p.violations.length) {
      lines.push('| where | what | witness |', '| --- | --- | --- |');
      for (const v of p.violations.slice(0, MAX_LISTED))
        lines.push(`| ${cell(v.where)} | ${cell(v.message)} | \`${cell(v.witness)}\` |`);
      if (p.violations.length > MAX_LISTED)
        lines.push(
          '',
          `${p.violations.length - MAX_LISTED} more not listed (\`--format json\` lists them all).`,
        );
    }
    const gaps = Object.entries(p.notModelled);
    if (gaps.length) {
      if (p.violations.length) lines.push('');
      lines.push('Not modelled (docs/deploy-proofs.md):', '');
      for (const [what, n] of gaps) lines.push(`- ${what}: ${n}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function formatJson(report: DeployProofReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
