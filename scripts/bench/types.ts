import { AssemblyMetrics } from './assembly-metrics';
import { FloorResult } from './floor';
import { Measurement } from './measure';

export type Skipped = { readonly skipped: string };

export interface SizeResult {
  readonly tenants: number;
  readonly environments: number;
  readonly date: string;
  readonly generateMs: number;
  readonly validate: Measurement;
  /** Full synth, app run directly (tsx, context in CDK_CONTEXT_JSON), settings as in cdk.json. */
  readonly synth: Measurement;
  /** The same through `cdk synth --quiet` (measured at the first size only). */
  readonly synthCli?: Measurement;
  readonly singleTenant: Measurement & { readonly tenant: string };
  /** The same tenant with `-c base=` its own config: only its own hub stacks built. */
  readonly singleTenantAgainstBase?: Measurement;
  readonly verifyNetwork: Measurement | Skipped;
  readonly report: Measurement | Skipped;
  readonly assembly?: AssemblyMetrics;
  /** A plain CDK app of the same size with the three public nag packs, in the same run. */
  readonly floor?: FloorResult;
}

export interface Variant {
  readonly name: string;
  readonly description: string;
  readonly tenants: number;
  readonly synth: Measurement;
}

export interface BenchResults {
  readonly updated: string;
  readonly machine: import('./machine').Machine;
  readonly sizes: Record<string, SizeResult>;
  readonly variants: readonly Variant[];
  /** Full synth wall time = a + b x resources, over the sizes measured. */
  readonly fit?: { readonly msFixed: number; readonly msPerResource: number; readonly points: number };
}
