import { IConstruct } from 'constructs';

/**
 * Glob matching over the construct tree. `*` and `?` stay within one path segment (a construct
 * ID); `**` spans any number of segments. Matching walks the tree segment by segment, so a
 * pattern whose first segment names a few stacks never visits the other stacks' constructs.
 */
export function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .split('')
    .map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

/** How far a pattern got before it stopped matching, to tell the user which segment is wrong. */
export interface GlobProgress {
  /** Path of the deepest construct the pattern reached ('' for the app). */
  readonly reached: string;
  /** The pattern segment no child of `reached` matched. */
  readonly segment: string;
  /** IDs of `reached`'s children, for a hint. */
  readonly children: readonly string[];
}

export interface GlobMatch {
  /** Top-most matching constructs: a match inside another match is dropped. */
  readonly matches: IConstruct[];
  /** Set when nothing matched. */
  readonly progress?: GlobProgress;
}

export function matchConstructPath(root: IConstruct, pattern: string): GlobMatch {
  const segments = pattern.split('/');
  const regexps = segments.map((s) => (s === '**' ? undefined : globToRegExp(s)));
  const found = new Set<IConstruct>();
  let best = { depth: -1, node: root, segment: segments[0] };

  const visit = (node: IConstruct, index: number, seen: Set<string>): void => {
    // `**` can reach a node along several routes; each (node, segment) pair is walked once.
    const key = `${index}:${node.node.path}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (index === segments.length) {
      found.add(node);
      return;
    }
    const regexp = regexps[index];
    if (!regexp) {
      visit(node, index + 1, seen);
      for (const child of node.node.children) visit(child, index, seen);
      return;
    }
    let matched = false;
    for (const child of node.node.children) {
      if (regexp.test(child.node.id)) {
        matched = true;
        visit(child, index + 1, seen);
      }
    }
    if (!matched && index > best.depth) best = { depth: index, node, segment: segments[index] };
  };
  visit(root, 0, new Set());

  const matches = [...found].filter((c) => !hasAncestorIn(c, found));
  if (matches.length) return { matches };
  return {
    matches,
    progress: {
      reached: best.node.node.path,
      segment: best.segment,
      children: best.node.node.children.map((c) => c.node.id),
    },
  };
}

function hasAncestorIn(construct: IConstruct, set: ReadonlySet<IConstruct>): boolean {
  for (let scope = construct.node.scope; scope; scope = scope.node.scope) if (set.has(scope)) return true;
  return false;
}
