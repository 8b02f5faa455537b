import { Command } from 'commander';
import { buildProgram } from './program';

/** Where README's CLI table is generated, between these two comments. */
export const CLI_TABLE_START =
  '<!-- cli-table:start (generated from the command definitions: npx tsx scripts/docs.ts --write) -->';
export const CLI_TABLE_END = '<!-- cli-table:end -->';

/** A command's longer documentation, linked from its row (paths relative to README.md). */
const SEE: Readonly<Record<string, string>> = {
  capacity: 'docs/network.md#capacity-plan',
  report: 'docs/security-review.md',
  'verify-network': 'docs/network-proofs.md',
  'verify-live': 'docs/deploy.md#verifying-the-live-routing',
  waves: 'docs/deploy.md',
  onboard: 'docs/onboarding.md',
  'sync-accounts': 'docs/landing-zone.md',
};

export interface CliRow {
  /** `name <argument> --required <value> [options]` */
  readonly usage: string;
  readonly description: string;
  readonly see?: string;
}

/** One row per command, in help order, read from the commander definitions themselves. */
export function cliRows(
  program: Command = buildProgram({ out: () => undefined, err: () => undefined }),
): CliRow[] {
  return program.commands.map((command) => {
    const args = command.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`));
    const visible = command.options.filter((o) => !o.hidden);
    const required = visible.filter((o) => o.mandatory).map((o) => o.flags.replace(/^-\w, /, ''));
    const rest = visible.some((o) => !o.mandatory) ? ['[options]'] : [];
    return {
      usage: [command.name(), ...args, ...required, ...rest].join(' '),
      description: command.description(),
      see: SEE[command.name()],
    };
  });
}

/** Escapes what a table cell would otherwise read as Markdown: a column break, an HTML tag. */
const cell = (text: string) => text.replace(/[|<>]/g, (c) => `\\${c}`);

/** The README table, one line per row (prettier then pads the columns; compare with {@link tableCells}). */
export function cliTable(rows: readonly CliRow[] = cliRows()): string {
  const lines = [
    '| command | what it does |',
    '| --- | --- |',
    ...rows.map(
      (r) =>
        `| \`${r.usage.replace(/\|/g, '\\|')}\` | ${cell(r.description)}${r.see ? ` ([${r.see.split('#')[0]}](${r.see}))` : ''} |`,
    ),
  ];
  return lines.join('\n');
}

/** A Markdown table's cells, whitespace-trimmed, so prettier's column padding does not count as a difference. */
export function tableCells(table: string): string[][] {
  return table
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, line.endsWith('|') ? -1 : undefined)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    )
    .map((cells) => (cells.every((c) => /^:?-+:?$/.test(c)) ? cells.map(() => '---') : cells));
}

/** The text between the table markers of a document, or undefined if either marker is missing. */
export function betweenMarkers(doc: string): string | undefined {
  const start = doc.indexOf(CLI_TABLE_START);
  const end = doc.indexOf(CLI_TABLE_END);
  if (start < 0 || end < start) return undefined;
  return doc.slice(start + CLI_TABLE_START.length, end);
}

/** The document with the generated table between its markers. */
export function withCliTable(doc: string, table: string = cliTable()): string {
  const start = doc.indexOf(CLI_TABLE_START);
  const end = doc.indexOf(CLI_TABLE_END);
  if (start < 0 || end < start) throw new Error(`no ${CLI_TABLE_START} ... ${CLI_TABLE_END} markers`);
  return `${doc.slice(0, start + CLI_TABLE_START.length)}\n\n${table}\n\n${doc.slice(end)}`;
}
