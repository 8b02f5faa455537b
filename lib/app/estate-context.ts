import { Node } from 'constructs';
import { didYouMean } from '../config/did-you-mean';
import { UserInputError } from '../errors/user-input-error';
import { DELIVERY_CONTEXT, deliverySettings } from '../stacks/delivery/delivery-settings';
import { EstateScope } from '../stacks/estate-scope';

/** Every `-c` value the app reads, read in this one place and passed down as plain values. */
export interface EstateContext {
  /** `-c config=DIR`. @default 'config' */
  readonly configDir: string;
  /** `-c capacityGate=warn` records unmet capacity as a warning instead of failing. */
  readonly capacityGate: 'fail' | 'warn';
  /** `-c nag=false` skips the cdk-nag packs (exceptions are still checked). */
  readonly nag: boolean;
  /** `-c tenant=ODS` and the `-c pipeline*` settings. */
  readonly scope: EstateScope;
  /**
   * `-c base=DIR`: the config a one-tenant build's change is made against (the base branch's
   * config folder); hub stacks that render the same from it are left out (docs/adr/0027).
   */
  readonly baseConfigDir?: string;
}

type ContextValue = string | number | boolean | undefined;

/** The `-c` keys the app reads. */
export const CONTEXT_KEYS: readonly string[] = [
  'config',
  'tenant',
  'base',
  'nag',
  'capacityGate',
  ...Object.values(DELIVERY_CONTEXT),
];

/**
 * Reads and checks the app's context; a bad value is a UserInputError naming its `-c` key.
 * ODS codes are case-insensitive (`-c tenant=rgr` is RGR), as on every CLI command.
 */
export function readEstateContext(node: Node): EstateContext {
  assertKnownKeys(node.getAllContext() as Record<string, unknown>);
  const get = (key: string) => node.tryGetContext(key) as ContextValue;
  const tenant = get('tenant');
  const base = text(get('base'), 'base');
  if (base !== undefined && tenant === undefined)
    throw UserInputError.at({ flag: '-c base' }, 'expected -c tenant=ODS beside it, got no tenant', {
      hint: 'a base narrows a one-tenant build to the hub stacks its change touches; a full synth builds every stack',
    });
  return {
    baseConfigDir: base,
    configDir: text(get('config'), 'config') ?? 'config',
    capacityGate: oneOf(get('capacityGate'), 'capacityGate', ['fail', 'warn'] as const) ?? 'fail',
    nag: (oneOf(get('nag'), 'nag', ['true', 'false'] as const) ?? 'true') === 'true',
    scope: {
      onlyTenant: text(tenant, 'tenant')?.trim().toUpperCase(),
      delivery: deliverySettings(get),
    },
  };
}

/**
 * A misspelt key (`-c tennant=RGR`) would otherwise be ignored and build the whole estate.
 * CDK's own keys (feature flags `@aws-cdk/...`, `aws:cdk:...`, lookup results in
 * cdk.context.json) all hold a `:` or start with `@`, so every other key must be one of ours.
 */
function assertKnownKeys(context: Record<string, unknown>): void {
  for (const key of Object.keys(context)) {
    if (key.includes(':') || key.startsWith('@') || CONTEXT_KEYS.includes(key)) continue;
    const guess = didYouMean(key, CONTEXT_KEYS);
    throw UserInputError.at({ flag: `-c ${key}` }, `expected one of the app's context keys, got "${key}"`, {
      hint: guess ? `did you mean -c ${guess}=...?` : `the keys are ${CONTEXT_KEYS.join(', ')}`,
    });
  }
}

function text(value: ContextValue, key: string): string | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  if (s.trim() === '')
    throw UserInputError.at({ flag: `-c ${key}` }, 'expected a value, got an empty string');
  return s;
}

/** One of `allowed`, compared as text (context from cdk.json may be a boolean). */
function oneOf<T extends string>(value: ContextValue, key: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  if ((allowed as readonly string[]).includes(s)) return s as T;
  throw UserInputError.at(
    { flag: `-c ${key}` },
    `expected ${allowed.map((a) => `"${a}"`).join(' or ')}, got "${s}"`,
  );
}
