import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Document, isMap, isSeq, parseDocument } from 'yaml';
import { UserInputError } from '../errors/user-input-error';
import { EstateConfig, estateSchema } from '../config/schema/estate-schema';

/** The example estate in the repository, whose settings a generated estate copies. */
export const EXAMPLE_ESTATE_PATH = join(__dirname, '..', '..', 'config', 'estate.yaml');

export interface RenderEstateOptions {
  /** A comment put first in the file. */
  readonly header: string;
  /** At least this many Direct Connect locations; synthetic codes (SynDX3, ...) follow the base's. */
  readonly directConnectLocations?: number;
}

export interface BaseEstate {
  /** The parsed settings (with schema defaults), for the generator to allocate against. */
  readonly config: EstateConfig;
  /** estate.yaml for the generated estate. */
  render(options: RenderEstateOptions): string;
}

/**
 * Turns the example estate.yaml into the generated estate's: same settings and comments,
 * minus the segmentation rules that name a tenant (those tenants do not exist in a generated
 * estate); rules between whole segments stay, so the policy still has something to render.
 */
export function parseBaseEstate(baseText: string): BaseEstate {
  const parsed = parseDocument(baseText);
  const notAnEstate = (problem: string) =>
    UserInputError.at({ flag: '--base' }, `expected a valid estate.yaml, got one where ${problem}`, {
      hint: 'run nhs-cloud validate on its folder to see every problem with its line',
    });
  if (parsed.errors.length > 0) throw notAnEstate(parsed.errors[0].message.split('\n')[0]);
  const result = estateSchema.safeParse(parsed.toJS());
  if (!result.success) {
    const [issue] = result.error.issues;
    throw notAnEstate(`${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  const config = result.data;
  return {
    config,
    render: (options) => {
      const doc = parsed.clone();
      const rules = doc.getIn(['segmentation', 'rules']);
      if (isSeq(rules)) rules.items = rules.items.filter((rule) => !namesATenant(rule));
      addDirectConnectLocations(
        doc,
        config.network.directConnect?.locations ?? [],
        options.directConnectLocations ?? 0,
      );
      doc.commentBefore = [options.header, doc.commentBefore].filter(Boolean).join('\n');
      // The editor-schema hint points at the repository's config/schema, which a generated folder lacks.
      return doc.toString({ lineWidth: 0 }).replace(/^# yaml-language-server:.*\n/m, '');
    },
  };
}

export function readExampleEstate(): string {
  return readFileSync(EXAMPLE_ESTATE_PATH, 'utf8');
}

/** The example's exception register, which a generated estate shares: its scopes are globs or core stacks. */
export function readExampleExceptions(): string {
  return readFileSync(join(dirname(EXAMPLE_ESTATE_PATH), 'exceptions.yaml'), 'utf8');
}

function namesATenant(rule: unknown): boolean {
  if (!isMap(rule)) return false;
  return ['from', 'to'].some((side) => {
    const endpoint = rule.get(side);
    return isMap(endpoint) && endpoint.has('tenant');
  });
}

function addDirectConnectLocations(doc: Document, current: readonly string[], wanted: number): void {
  if (wanted <= current.length) return;
  const added = Array.from({ length: wanted - current.length }, (_, i) => `SynDX${current.length + i + 1}`);
  const node = doc.createNode([...current, ...added], { flow: true });
  doc.setIn(['network', 'directConnect', 'locations'], node);
}
