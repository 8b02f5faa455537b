import { Node } from 'constructs';
import { UserInputError } from '../errors/user-input-error';
import { deliverySettings } from '../stacks/delivery/delivery-settings';
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
}

type ContextValue = string | number | boolean | undefined;

/** Reads and checks the app's context; a bad value is a UserInputError naming its `-c` key. */
export function readEstateContext(node: Node): EstateContext {
  const get = (key: string) => node.tryGetContext(key) as ContextValue;
  const tenant = get('tenant');
  return {
    configDir: text(get('config'), 'config') ?? 'config',
    capacityGate: oneOf(get('capacityGate'), 'capacityGate', ['fail', 'warn'] as const) ?? 'fail',
    nag: (oneOf(get('nag'), 'nag', ['true', 'false'] as const) ?? 'true') === 'true',
    scope: {
      onlyTenant: text(tenant, 'tenant'),
      delivery: deliverySettings(get),
    },
  };
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
