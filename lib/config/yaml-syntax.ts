import { CST, LineCounter, Parser, YAMLError } from 'yaml';
import { ConfigError } from './config-error';

/**
 * Turns the YAML parser's errors into positioned ConfigErrors that say what is wrong in the
 * user's terms. The parser notices an unclosed `[` only where the next line starts, so those
 * errors are moved back to the bracket that was never closed: that is where the fix goes.
 */
export function yamlSyntaxErrors(
  file: string,
  text: string,
  errors: readonly YAMLError[],
  lines: LineCounter,
): ConfigError[] {
  if (errors.length === 0) return [];
  const unclosed = errors.some((e) => e.code === 'RESOURCE_EXHAUSTION') ? [] : unclosedBrackets(text);
  const out: ConfigError[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const { offset, message, hint } = describe(error, text, unclosed);
    const { line, col } = lines.linePos(offset);
    // One mistake often yields several parser errors at the same spot; report it once.
    const key = `${line}:${col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file, line, column: col, field: '', message: `YAML syntax error: ${message}`, hint });
  }
  return out;
}

interface Bracket {
  readonly offset: number;
  readonly open: '[' | '{';
  used?: boolean;
}

function describe(
  error: YAMLError,
  text: string,
  unclosed: Bracket[],
): { offset: number; message: string; hint: string } {
  const offset = error.pos[0];
  const first = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const missing = /end with a ([\]}])/.exec(first)?.[1];
  if (missing) {
    const open = missing === ']' ? '[' : '{';
    const bracket = unclosed
      .filter((b) => b.open === open && !b.used && b.offset < offset)
      .sort((a, b) => b.offset - a.offset)[0];
    if (bracket) {
      bracket.used = true;
      const what = open === '[' ? 'list' : 'mapping';
      return {
        offset: bracket.offset,
        message: `expected "${missing}" to close the ${what} opened here, found none`,
        hint:
          open === '['
            ? 'close the list with ] on the same line, or write one item per line starting with "- "'
            : 'close the mapping with } on the same line, or write one field per line',
      };
    }
  }
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return {
        offset,
        message: 'expected one YAML document, found a second one (after a --- line)',
        hint: 'a config file holds one document: remove the --- line and what follows it, or move it to its own file',
      };
    case 'RESOURCE_EXHAUSTION':
      return {
        offset,
        message: 'expected a few levels of nesting, found too many for the parser',
        hint: 'config fields are a few levels deep; check the indentation and brackets',
      };
    case 'DUPLICATE_KEY':
      return {
        offset,
        message: `key "${keyAt(text, offset)}" appears twice in the same mapping`,
        hint: 'each key may appear once per mapping; remove or merge the repeated one',
      };
    case 'TAB_AS_INDENT':
      return { offset, message: first, hint: 'YAML does not allow tabs for indentation; use spaces' };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        offset,
        message: first,
        hint: 'put quotes around a value that contains ": ", and indent nested fields on their own lines',
      };
    case 'MISSING_CHAR':
      if (/quote/.test(first))
        return {
          offset,
          message: first,
          hint: 'close the quoted text with the same quote mark it opens with',
        };
      break;
    case 'BAD_INDENT':
      return {
        offset,
        message: first,
        hint: 'check the indentation: nested fields use two more spaces than their parent',
      };
  }
  return {
    offset,
    message: first,
    hint: 'check the YAML syntax near this position (quotes, colons, indentation)',
  };
}

/** Every `[` or `{` whose flow collection has no closing bracket, from the concrete syntax tree. */
function unclosedBrackets(text: string): Bracket[] {
  try {
    return findUnclosed(text);
  } catch (error) {
    // The tree walk recurses; a pathologically deep file only loses the better position.
    if (error instanceof RangeError) return [];
    throw error;
  }
}

function findUnclosed(text: string): Bracket[] {
  const out: Bracket[] = [];
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const node of [item.key, item.value]) {
        if (node?.type !== 'flow-collection') continue;
        const open = node.start.source === '[' ? '[' : '{';
        const close = open === '[' ? 'flow-seq-end' : 'flow-map-end';
        if (!node.end.some((t) => t.type === close)) out.push({ offset: node.start.offset, open });
      }
    });
  }
  return out;
}

/** The key written at `offset`, without quotes. */
function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset);
  const quoted = /^(["'])(.*?)\1/.exec(rest);
  if (quoted) return quoted[2];
  return /^[^:,{}[\]\n]*/.exec(rest)![0].trim();
}
