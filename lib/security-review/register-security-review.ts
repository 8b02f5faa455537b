import { App, Validations } from 'aws-cdk-lib';
import { NagPack } from 'cdk-nag';
import { ConfigValidationError } from '../config/config-error';
import { EstateModel } from '../config/model';
import type { ConfigText } from '../config/validate-estate';
import { todayUtc } from './dates';
import { estateStacks } from './estate-stacks';
import { checkDestructiveStacks, ExceptionTargets, resolveTargets } from './exception-targets';
import { baseRuleId, ExceptionEntry, findingPatternRegExp, isCfnValidateRule } from './exceptions-schema';
import { FindingRecorder } from './finding-recorder';
import { LoadedExceptions, parseExceptions, readExceptionsText } from './load-exceptions';
import { createPacks } from './packs';
import { ReviewPlugin } from './review-plugin';

export interface SecurityReviewOptions {
  /**
   * Folder holding exceptions.yaml.
   * @default 'config'
   */
  readonly configDir?: string;
  /**
   * Run the rule packs. Off is for fast local iteration only; exceptions are still checked.
   * @default true (lib/app passes false for `-c nag=false`)
   */
  readonly packs?: boolean;
  /**
   * Only part of the estate is in the app: exceptions matching nothing are skipped, not errors.
   * @default false (lib/app passes true for `-c tenant=ODS`)
   */
  readonly partial?: boolean;
  /**
   * The date expiry is checked against, YYYY-MM-DD.
   * @default today (UTC)
   */
  readonly today?: string;
  /**
   * The exceptions file's text, for tests.
   * @default read from `configDir`/exceptions.yaml (none when the file does not exist)
   */
  readonly exceptions?: ConfigText;
  /**
   * Repository root that source locations in the review are relative to.
   * @default process.cwd()
   */
  readonly root?: string;
}

export interface SecurityReview {
  /** The packs registered on the app; empty when turned off. */
  readonly packs: readonly NagPack[];
  readonly recorder: FindingRecorder;
  readonly plugin: ReviewPlugin;
  readonly exceptions: LoadedExceptions;
  readonly targets: readonly ExceptionTargets[];
}

/**
 * Puts every stack of the app under the security review: the rule packs (one plugin each),
 * the reviewed exceptions from config/exceptions.yaml (applied by the finding recorder, and as
 * CDK acknowledgements for CloudFormation Validate rules), and the review plugin that records
 * what matched. Call once, after the estate
 * is built. Throws a ConfigValidationError (every problem, with file and line) when an
 * exception is invalid, expired or matches no construct.
 */
export function registerSecurityReview(
  app: App,
  model: EstateModel,
  options: SecurityReviewOptions = {},
): SecurityReview {
  const configDir = options.configDir ?? 'config';
  const packsOn = options.packs ?? true;
  const partial = options.partial ?? false;
  const today = options.today ?? todayUtc();

  const parsed = parseExceptions(options.exceptions ?? readExceptionsText(configDir), {
    today,
    tenants: model.tenants.map((t) => t.odsCode),
  });
  if (!parsed.ok) throw new ConfigValidationError(parsed.errors);
  const { source, file } = parsed.value;
  const stacks = estateStacks(app, model);
  const { targets, errors } = resolveTargets(app, stacks, file.exceptions, source, { partial });
  errors.push(...checkDestructiveStacks(stacks, file.allowDestructive, source, { partial }));
  if (errors.length) throw new ConfigValidationError(errors);

  const recorder = new FindingRecorder();
  for (const { entry, index, constructs } of targets) {
    // Rule-pack findings are withheld by the recorder; only CDK's own CloudFormation Validate
    // plugin, which the recorder does not see, needs the CDK's acknowledgements.
    if (!isCfnValidateRule(entry.rule)) {
      recorder.useExceptions([
        {
          exception: index,
          rule: baseRuleId(entry.rule),
          pattern: findingPatternRegExp(entry.rule),
          constructs: new Set(constructs),
        },
      ]);
      continue;
    }
    const reason = acknowledgementReason(
      entry,
      `${source.displayPath}:${source.positionOf(['exceptions', index]).line}`,
    );
    for (const construct of constructs) Validations.of(construct).acknowledge({ id: entry.rule, reason });
  }

  const packs = packsOn ? createPacks(app, model, recorder) : [];
  for (const pack of packs) Validations.of(app).addPlugins(pack);
  const plugin = new ReviewPlugin({
    recorder,
    targets,
    stacks,
    exceptionsSource: source,
    today,
    partial,
    root: options.root ?? process.cwd(),
  });
  Validations.of(app).addPlugins(plugin);
  return { packs, recorder, plugin, exceptions: parsed.value, targets };
}

/** The reason the CDK shows with the acknowledgement: the case, who approved it, until when. */
export function acknowledgementReason(entry: ExceptionEntry, where: string): string {
  return `${entry.reason.trim()} (approved by ${entry.approver}, expires ${entry.expires}; ${where})`;
}
