import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Node, Pair } from 'yaml';
import { ConfigError, quoteValue } from './config-error';
import { FieldPath, formatPath } from './field-path';

/**
 * YAML features a reviewed config file never needs, refused so that every file means what a
 * reviewer reads and loads in bounded time and memory:
 *
 * - anchors and aliases (`&a`, `*a`, `<<: *a`): a value defined once and used elsewhere hides
 *   what a field holds from the reviewer, and nested aliases expand exponentially (an "alias
 *   bomb": nine lines, a billion values);
 * - explicit tags (`!!js/function`, `!custom`);
 * - nesting deeper than {@link MAX_NESTING} (the deepest real field is 6 levels down);
 * - numbers not written in decimal digits (`0x1F`, `0o17`, `1e308`, `.inf`, `012`), which YAML
 *   reads as numbers nobody meant;
 * - control characters in text (`\u0007`, bidirectional overrides), which AWS refuses in names,
 *   tags and descriptions, and which can make text read differently from what it is;
 * - unresolved git merge conflicts.
 */
export const MAX_NESTING = 16;

/** At most this many hazards are reported per file: one is enough to refuse it. */
const MAX_HAZARDS = 20;

// C0 and C1 controls except tab and line feed, plus the line/paragraph separators and the
// bidirectional embedding, override and isolate characters. Matching them is the point here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const DECIMAL = /^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const CONFLICT_MARKER = /^(<{7}|={7}|>{7})(\s|$)/;

/**
 * Hazards visible in the text alone, checked before parsing: merge-conflict markers, and flow
 * brackets nested so deep that the parser itself would exhaust the stack.
 */
export function textHazards(file: string, text: string): ConfigError[] {
  const errors: ConfigError[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && errors.length < MAX_HAZARDS; i++) {
    if (CONFLICT_MARKER.test(lines[i])) {
      errors.push({
        file,
        line: i + 1,
        column: 1,
        field: '',
        message: `expected YAML, found a git merge-conflict marker (${lines[i].slice(0, 7)})`,
        hint: CONFLICT_HINT,
      });
    }
  }
  if (errors.length) return errors;
  const deep = deepFlowOffset(text);
  if (deep !== undefined) {
    const before = text.slice(0, deep);
    const line = before.split('\n').length;
    errors.push({
      file,
      line,
      column: deep - before.lastIndexOf('\n'),
      field: '',
      message: `expected nesting at most ${MAX_NESTING} levels deep, found more ([ or { nested past level ${MAX_NESTING})`,
      hint: 'config fields are a few levels deep; check for repeated or unclosed brackets',
    });
  }
  return errors;
}

/** Said wherever git left a conflict: in the allocation register, it means re-running onboard. */
export const CONFLICT_HINT =
  'another change to this file merged first; take main\'s version and redo yours (for config/allocations.yaml and a new tenant: see docs/onboarding.md, "If git reports a conflict")';

/** The offset of the first flow bracket opened past MAX_NESTING, skipping quotes and comments. */
function deepFlowOffset(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") {
      // A quote only opens a string at the start of a value, not inside a word (it's, O'Neil).
      if (i === 0 || /[\s[{,:]/.test(text[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth > MAX_NESTING) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** Hazards in a parsed document: aliases, anchors, tags, deep nesting, odd numbers, control characters. */
export function documentHazards(file: string, document: Document, lines: LineCounter): ConfigError[] {
  const errors: ConfigError[] = [];
  const at = (
    node: { range?: readonly number[] | null } | undefined,
    path: FieldPath,
    message: string,
    hint: string,
  ) => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    errors.push({ file, line, column: col, field: formatPath(path), message, hint });
  };
  // Unresolved tags are reported with every other tag, below.
  for (const warning of document.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED')) {
    const { line, col } = lines.linePos(warning.pos[0]);
    errors.push({
      file,
      line,
      column: col,
      field: '',
      message: `expected plain YAML, found ${warning.message.split('\n')[0]}`,
      hint: 'remove the directive: config files use plain YAML',
    });
  }
  // Iterative, so a deep document cannot exhaust the stack here either.
  const stack: { node: unknown; path: FieldPath }[] = [{ node: document.contents, path: [] }];
  let reportedDepth = false;
  // One alias or anchor is enough to refuse the file; an alias bomb has thousands.
  const reported = new Set<string>();
  const once = (kind: string, node: Node, path: FieldPath, message: string, hint: string) => {
    if (reported.has(kind)) return;
    reported.add(kind);
    at(node, path, message, hint);
  };
  while (stack.length > 0 && errors.length < MAX_HAZARDS) {
    const { node, path } = stack.pop()!;
    if (node === null || node === undefined) continue;
    if (isPair(node)) {
      const pair = node as Pair;
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      stack.push({ node: pair.value, path: [...path, key] }, { node: pair.key, path });
      continue;
    }
    if (isAlias(node)) {
      once('alias', node, path, `expected a value written out, found an alias (*${node.source})`, ALIAS_HINT);
      continue;
    }
    const n = node as Node;
    if (n.anchor !== undefined)
      once('anchor', n, path, `expected a value written out, found an anchor (&${n.anchor})`, ALIAS_HINT);
    if (n.tag !== undefined) {
      at(
        n,
        path,
        `expected plain YAML, found the tag ${n.tag}`,
        'remove the tag: config files use plain YAML values',
      );
    }
    if (isMap(n) || isSeq(n)) {
      if (path.length >= MAX_NESTING) {
        if (!reportedDepth)
          at(
            n,
            [],
            `expected nesting at most ${MAX_NESTING} levels deep, found more`,
            'config fields are a few levels deep; check the indentation',
          );
        reportedDepth = true;
        continue;
      }
      for (let i = n.items.length - 1; i >= 0; i--)
        stack.push({ node: n.items[i], path: isSeq(n) ? [...path, i] : path });
      continue;
    }
    if (isScalar(n)) scalarHazard(n, path, at);
  }
  return errors;
}

const ALIAS_HINT =
  'write the value out where it is used: anchors and aliases hide from a reviewer what a field holds';

/** Account IDs are text: the schema's own message for a number there says to quote it. */
const TEXT_FIELD = /accountId$|^accounts$/;

function scalarHazard(
  node: Node & { value: unknown; source?: string },
  path: FieldPath,
  at: (node: Node, path: FieldPath, message: string, hint: string) => void,
): void {
  if (typeof node.value === 'number') {
    const source = String(node.source ?? node.value);
    if (DECIMAL.test(source) || path.some((p) => TEXT_FIELD.test(String(p)))) return;
    const kind = numberKind(source);
    at(
      node,
      path,
      `expected a number written in decimal digits, got ${source} (${kind})`,
      Number.isFinite(node.value) && kind !== 'exponent notation'
        ? `write it as ${decimal(node.value)}, or quote it if it is text`
        : 'write the number out in decimal digits, e.g. 1500 rather than 1.5e3',
    );
    return;
  }
  if (typeof node.value === 'string') {
    const match = CONTROL.exec(node.value);
    if (!match) return;
    const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    at(
      node,
      path,
      `expected text without control characters, got ${quoteValue(node.value)}, which has U+${code} at character ${match.index + 1}`,
      'retype the value: control and text-direction characters are invisible and AWS refuses them in names, tags and descriptions',
    );
  }
}

function numberKind(source: string): string {
  if (/^[-+]?0x/i.test(source)) return 'hexadecimal';
  if (/^[-+]?0o/i.test(source)) return 'octal';
  if (/^[-+]?\.(inf|nan)$/i.test(source)) return 'not a finite number';
  if (/e/i.test(source)) return 'exponent notation';
  if (/^[-+]?0[0-9]/.test(source)) return 'a leading zero, which older YAML reads as octal';
  return 'not plain decimal';
}

function decimal(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(6).replace(/0+$/, '');
}
