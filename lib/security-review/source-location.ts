import { isAbsolute, relative, sep } from 'node:path';

/** A line in the repository, relative to its root, as SARIF and the PR comment show it. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const FRAME = /\(?([^\s()]+):(\d+):(\d+)\)?\s*$/;

/**
 * The first frame of a CDK stack trace that is our code: inside `root` and not a dependency.
 * Frames look like `new SpokeVpc (/repo/constructs/spoke-vpc/spoke-vpc.ts:24:16)`; frames the
 * CDK elides read `...new Vpc2 in aws-cdk-lib...` and never match.
 */
export function sourceFromTrace(frames: readonly string[], root: string): SourceLocation | undefined {
  for (const frame of frames.flatMap((f) => f.split('\n'))) {
    const match = FRAME.exec(frame.trim());
    if (!match || !isAbsolute(match[1])) continue;
    const file = relative(root, match[1]);
    if (file.startsWith('..') || isAbsolute(file) || file.split(sep).includes('node_modules')) continue;
    return { file: file.split(sep).join('/'), line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}
