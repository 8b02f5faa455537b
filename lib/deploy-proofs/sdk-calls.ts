import { isIntrinsic } from './template-values';
import { TemplateResource } from './types';

/** One deploy-time SDK call of an `AwsCustomResource` (`Custom::AWS`), as its Create property says. */
export interface SdkCall {
  readonly service: string;
  readonly action: string;
  /** Parameter values; a value CloudFormation fills in at deploy time is the intrinsic itself. */
  readonly parameters: Readonly<Record<string, unknown>>;
}

/**
 * The SDK call a `Custom::AWS` resource makes on create, or undefined for any other resource.
 * Its `Create` is JSON text, or an `Fn::Join` of text and intrinsics when a value is only known
 * at deploy time; each intrinsic is put back where its placeholder lands in the parsed call.
 */
export function sdkCallOf(resource: TemplateResource): SdkCall | undefined {
  if (resource.Type !== 'Custom::AWS') return undefined;
  const create = resource.Properties?.Create;
  const tokens: unknown[] = [];
  let text: string;
  if (typeof create === 'string') text = create;
  else if (isIntrinsic(create) && Array.isArray(create['Fn::Join'])) {
    const [separator, parts] = create['Fn::Join'] as [string, unknown[]];
    text = parts
      .map((part) => {
        if (typeof part === 'string') return part;
        tokens.push(part);
        return `__deploy_time_${tokens.length - 1}__`;
      })
      .join(separator);
  } else return undefined;
  let parsed: { service?: string; action?: string; parameters?: Record<string, unknown> };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return undefined;
  }
  if (!parsed.service || !parsed.action) return undefined;
  return {
    service: parsed.service,
    action: parsed.action,
    parameters: restore(parsed.parameters ?? {}, tokens) as Record<string, unknown>,
  };
}

function restore(value: unknown, tokens: readonly unknown[]): unknown {
  if (typeof value === 'string') {
    const m = /^__deploy_time_(\d+)__$/.exec(value);
    return m ? tokens[Number(m[1])] : value;
  }
  if (Array.isArray(value)) return value.map((v) => restore(v, tokens));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restore(v, tokens)]));
  return value;
}
