import { Document, isMap, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { ConfigError } from './config-error';
import { FieldPath, formatPath } from './field-path';
import { documentHazards, textHazards } from './yaml-hazards';
import { yamlSyntaxErrors } from './yaml-syntax';

export type { FieldPath };
export { formatPath };

/**
 * A parsed YAML file that can say where any field sits, so every error carries a position.
 * Parsing is pure: the loader reads the text, this class never touches the disk. Text that is
 * not plain, bounded YAML (aliases, tags, deep nesting, several documents: ./yaml-hazards.ts)
 * is refused with positioned errors and no data, in time and memory bounded by its length.
 */
export class SourceFile {
  readonly data: unknown;
  readonly syntaxErrors: ConfigError[];
  private readonly document: Document;
  private readonly lines = new LineCounter();

  constructor(
    readonly displayPath: string,
    text: string,
  ) {
    const early = textHazards(displayPath, text);
    // Refused before parsing: nothing is parsed, so positions come from the text scan.
    this.document = parseDocument(early.length ? '' : text, {
      lineCounter: this.lines,
      prettyErrors: false,
      uniqueKeys: true,
    });
    this.syntaxErrors = early.length
      ? early
      : yamlSyntaxErrors(displayPath, text, this.document.errors, this.lines);
    if (this.syntaxErrors.length === 0)
      this.syntaxErrors = documentHazards(displayPath, this.document, this.lines);
    // No aliases are left, so toJS cannot expand anything: its size is bounded by the text.
    this.data = this.syntaxErrors.length ? undefined : this.document.toJS();
  }

  /** Position of the value at `path`, or of its nearest existing ancestor. */
  positionOf(path: FieldPath): { line: number; column: number } {
    return this.offsetToPosition(this.nodeAt(path)?.range?.[0] ?? 0);
  }

  /** Position of the key of the entry at `path` (used for unknown keys). */
  keyPositionOf(path: FieldPath): { line: number; column: number } {
    const parent = this.nodeAt(path.slice(0, -1));
    const key = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return this.offsetToPosition(pair.key.range[0]);
    }
    return this.positionOf(path);
  }

  /** An error at the value of `path`. */
  errorAt(path: FieldPath, message: string, hint?: string): ConfigError {
    return { file: this.displayPath, ...this.positionOf(path), field: formatPath(path), message, hint };
  }

  private nodeAt(path: FieldPath): Node | undefined {
    let node: unknown = this.document.contents;
    let found = node as Node | undefined;
    for (const segment of path) {
      if (isMap(node)) node = node.get(segment, true);
      else if (isSeq(node) && typeof segment === 'number') node = node.get(segment, true);
      else break;
      if (!node) break;
      found = node as Node;
    }
    return found;
  }

  private offsetToPosition(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}
