/**
 * The shell commands in a Markdown document's code blocks, as a reader would type them:
 * continuation lines joined, comments dropped, words split the way a shell splits them,
 * `VAR=value` prefixes and a `> file` redirection taken apart.
 */
export interface DocCommand {
  /** Line of the command in the document, for failure messages. */
  readonly line: number;
  readonly text: string;
  /** `AWS_PROFILE=rmc-prod` before the command. */
  readonly env: Readonly<Record<string, string>>;
  /** Words after `npx`, e.g. ['nhs-cloud', 'validate'] or ['cdk', 'synth', '--quiet']. */
  readonly argv: readonly string[];
  /** `> proofs.json` */
  readonly redirect?: string;
  /** The `## ` heading the command sits under ('' before the first). */
  readonly section: string;
}

const SHELL_FENCE = /^\s*```(sh|bash|shell|console)?\s*$/;

export function docCommands(markdown: string): DocCommand[] {
  const lines = markdown.split('\n');
  const out: DocCommand[] = [];
  let inShell = false;
  let inOther = false;
  let pending: { line: number; text: string } | undefined;
  let section = '';
  lines.forEach((raw, i) => {
    if (!inShell && !inOther && raw.startsWith('## ')) section = raw.slice(3).trim();
    const fence = /^\s*```/.test(raw);
    if (fence && !inShell && !inOther) {
      if (SHELL_FENCE.test(raw)) inShell = true;
      else inOther = true;
      return;
    }
    if (fence) {
      inShell = inOther = false;
      return;
    }
    if (!inShell) return;
    const text = stripComment(raw.trim());
    if (pending) pending.text += ` ${text.replace(/\\$/, '')}`;
    else if (text) pending = { line: i + 1, text: text.replace(/\\$/, '') };
    if (pending && !text.endsWith('\\')) {
      const command = parse(pending.line, pending.text.trim(), section);
      if (command) out.push(command);
      pending = undefined;
    }
  });
  return out;
}

/** `npx nhs-cloud validate   # comment` -> `npx nhs-cloud validate` (a # inside quotes stays). */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i).trimEnd();
  }
  return line;
}

function parse(line: number, text: string, section: string): DocCommand | undefined {
  const words = shellWords(text);
  const env: Record<string, string> = {};
  while (words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [key, ...value] = words.shift()!.split('=');
    env[key] = value.join('=');
  }
  let redirect: string | undefined;
  const arrow = words.indexOf('>');
  if (arrow >= 0) {
    redirect = words[arrow + 1];
    words.splice(arrow);
  }
  if (words[0] !== 'npx') return { line, text, env, argv: words, redirect, section };
  return { line, text, env, argv: words.slice(1), redirect, section };
}

/** Splits like a POSIX shell for the quoting the docs use: '...', "..." and backslashes. */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let started = false;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      started = true;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
      started = true;
    } else if (/\s/.test(c)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += c;
      started = true;
    }
  }
  if (started) words.push(word);
  return words;
}
