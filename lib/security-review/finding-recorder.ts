import { CfnResource } from 'aws-cdk-lib';
import {
  IApplyRule,
  NagMessageLevel,
  NagPack,
  NagPackProps,
  NagRuleCompliance,
  NagRuleResult,
} from 'cdk-nag';
import { IConstruct } from 'constructs';
import { dedupeLambdaRuntimes } from './lambda-runtimes';

export type Severity = 'error' | 'warning';

/** One non-compliant result of one rule on one resource, acknowledged or not. */
export interface RawFinding {
  readonly pack: string;
  /** `AwsSolutions-IAM5` */
  readonly rule: string;
  /** The ID an acknowledgement must name: `AwsSolutions-IAM5[Action::s3:*]`, or the rule ID. */
  readonly id: string;
  readonly severity: Severity;
  readonly node: CfnResource;
  /** Set when the rule threw (usually an unresolvable token) instead of giving a verdict. */
  readonly ruleError?: string;
  /** Index of the exception (exact ID or `{*}` pattern) that covered it. */
  readonly exception?: number;
}

/**
 * A reviewed exception for a rule-pack finding, applied here rather than as a CDK
 * acknowledgement: exact IDs and `{*}` patterns alike (the CDK matches exact IDs only, and an
 * acknowledgement per construct cost more than the rules it silenced at national scale).
 */
export interface RecordedException {
  readonly exception: number;
  /** The rule ID without its finding, e.g. `AwsSolutions-IAM5`. */
  readonly rule: string;
  readonly pattern: RegExp;
  readonly constructs: ReadonlySet<IConstruct>;
}

/** What a rule checks, as its pack words it; the report's rule catalogue. */
export interface RuleInfo {
  readonly id: string;
  readonly pack: string;
  readonly severity: Severity;
  readonly info: string;
  readonly explanation: string;
}

/**
 * Collects every finding the packs produce before cdk-nag drops the acknowledged ones, so the
 * review can say which exception matched which finding without evaluating any rule twice.
 */
export class FindingRecorder {
  private readonly byPack = new Map<string, RawFinding[]>();
  private readonly ruleInfo = new Map<string, RuleInfo>();
  private readonly exceptions = new Map<string, RecordedException[]>();

  /** Findings these cover are recorded as acknowledged and withheld from cdk-nag. */
  useExceptions(exceptions: readonly RecordedException[]): void {
    for (const e of exceptions) this.exceptions.set(e.rule, [...(this.exceptions.get(e.rule) ?? []), e]);
  }

  /**
   * The exception covering finding `id` of `rule` on `node` or an ancestor, if any: the one on
   * the closest construct, as cdk-nag chooses among acknowledgements.
   */
  exceptionFor(rule: string, id: string, node: IConstruct): number | undefined {
    const patterns = this.exceptions.get(rule);
    if (!patterns) return undefined;
    for (let n: IConstruct | undefined = node; n; n = n.node.scope)
      for (const p of patterns) if (p.constructs.has(n) && p.pattern.test(id)) return p.exception;
    return undefined;
  }

  /** A pack is starting a run: forget what an earlier run of the same pack recorded. */
  begin(pack: string): void {
    this.byPack.set(pack, []);
  }

  add(finding: RawFinding): void {
    this.byPack.get(finding.pack)?.push(finding);
  }

  describeRule(rule: RuleInfo): void {
    if (!this.ruleInfo.has(rule.id)) this.ruleInfo.set(rule.id, rule);
  }

  /** Names of the packs that have run. */
  get packsRun(): string[] {
    return [...this.byPack.keys()];
  }

  get findings(): RawFinding[] {
    return [...this.byPack.values()].flat();
  }

  get rules(): RuleInfo[] {
    return [...this.ruleInfo.values()];
  }
}

type PackConstructor<P extends NagPackProps> = new (scope?: IConstruct, props?: P) => NagPack;

/**
 * Builds a pack of the given class that also reports to `recorder`. Each rule function is
 * wrapped once per pack: the wrapper records non-compliant results and passes every result
 * through unchanged, so cdk-nag applies acknowledgements and reports exactly as the plain pack
 * would, and each rule is still evaluated only once per resource. (Copying the rule's
 * parameters on every call instead made the packs several times slower.)
 */
export function recordingPack<P extends NagPackProps>(
  Pack: PackConstructor<P>,
  recorder: FindingRecorder,
  scope?: IConstruct,
  props?: P,
): NagPack {
  // Abstract only to the type checker: `Pack` is a concrete pack that supplies `name` and
  // `checkResource`, which its constructor type cannot show.
  abstract class RecordingPack extends Pack {
    private readonly wrapped = new Map<unknown, IApplyRule['rule']>();
    private firstNode?: CfnResource;

    override validateScope(target: IConstruct) {
      recorder.begin(this.name);
      this.firstNode = undefined;
      dedupeLambdaRuntimes();
      return super.validateScope(target);
    }

    protected override applyRule(params: IApplyRule): void {
      this.firstNode ??= params.node;
      const key = params.ruleSuffixOverride ?? params.rule;
      let rule = this.wrapped.get(key);
      if (!rule) {
        rule = this.wrap(params);
        this.wrapped.set(key, rule);
      }
      // Every rule is applied to every resource, so the first resource names them all.
      if (params.node === this.firstNode) recorder.describeRule(this.ruleInfo(params));
      params.rule = rule;
      super.applyRule(params);
    }

    private wrap(params: IApplyRule): IApplyRule['rule'] {
      const check = params.rule;
      const info = this.ruleInfo(params);
      const base = { pack: this.name, rule: info.id, severity: info.severity };
      const record = (node: CfnResource, id: string, ruleError?: string, exception?: number) => {
        recorder.add({ ...base, id, node, ruleError, exception });
        recorder.describeRule(info);
      };
      const wrapper = (node: CfnResource): NagRuleResult => {
        let result: NagRuleResult;
        try {
          result = check(node);
        } catch (error) {
          // An exception for the rule also covers the rule failing to evaluate, as cdk-nag's would.
          const exception = recorder.exceptionFor(info.id, info.id, node);
          record(node, info.id, error instanceof Error ? error.message : String(error), exception);
          if (exception !== undefined) return NagRuleCompliance.NOT_APPLICABLE;
          throw error;
        }
        if (result === NagRuleCompliance.NON_COMPLIANT) {
          const exception = recorder.exceptionFor(info.id, info.id, node);
          record(node, info.id, undefined, exception);
          return exception === undefined ? result : NagRuleCompliance.COMPLIANT;
        }
        if (!Array.isArray(result)) return result;
        // Findings an exception covers are recorded and withheld from cdk-nag.
        const open: string[] = [];
        for (const finding of result) {
          const id = `${info.id}[${finding}]`;
          const exception = recorder.exceptionFor(info.id, id, node);
          record(node, id, undefined, exception);
          if (exception === undefined) open.push(finding);
        }
        return open;
      };
      // cdk-nag names the rule after the function unless a suffix is given.
      return Object.defineProperty(wrapper, 'name', { value: check.name });
    }

    private ruleInfo(params: IApplyRule): RuleInfo {
      return {
        id: `${this.readPackName}-${params.ruleSuffixOverride ?? params.rule.name}`,
        pack: this.name,
        severity: params.level === NagMessageLevel.ERROR ? 'error' : 'warning',
        info: params.info,
        explanation: params.explanation,
      };
    }
  }
  return new (RecordingPack as unknown as PackConstructor<P>)(scope, props);
}
