import { z } from 'zod';
import { cidr } from '../config/schema/primitives';

/** A static route's target when traffic to the CIDR must be dropped. */
export const BLACKHOLE = 'blackhole';

/**
 * How the model names the Direct Connect gateway's attachment: AWS makes it when the gateway is
 * associated, and CloudFormation cannot tag it, so the live reader gives this name to the
 * gateway's only untagged Direct Connect attachment.
 */
export const DIRECT_CONNECT_ATTACHMENT = 'direct-connect-gateway';

/**
 * What the transit gateway should contain, as plain data from the network planner.
 * Route tables and attachments are referred to by their `Name` tag, never by ID, so the
 * model can be written before anything is deployed.
 */
export interface TgwExpected {
  readonly routeTables: readonly ExpectedRouteTable[];
}

export interface ExpectedRouteTable {
  /** The route table's Name tag. */
  readonly name: string;
  /** Name tags of the attachments associated with this table (each attachment has one table). */
  readonly associations: readonly string[];
  /** Name tags of the attachments that propagate their routes into this table. */
  readonly propagations: readonly string[];
  readonly staticRoutes: readonly ExpectedStaticRoute[];
}

export interface ExpectedStaticRoute {
  readonly cidr: string;
  /** The attachment's Name tag, or BLACKHOLE. */
  readonly target: string;
}

const nameText = z.string().min(1);

const expectedSchema = z.strictObject({
  routeTables: z
    .array(
      z.strictObject({
        name: nameText,
        associations: z.array(nameText),
        propagations: z.array(nameText),
        staticRoutes: z.array(z.strictObject({ cidr, target: nameText })),
      }),
    )
    .refine((tables) => new Set(tables.map((t) => t.name)).size === tables.length, {
      error: 'expected each route table name once',
    }),
});

/** Validates an expected model read from a file (e.g. `verify-live --expected FILE`). */
export function parseTgwExpected(data: unknown): TgwExpected {
  const result = expectedSchema.safeParse(data);
  if (!result.success)
    throw new Error(`invalid expected transit gateway model:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** Tables by name, attachments and routes sorted: models of the same gateway compare equal. */
export function sortTgwExpected(model: TgwExpected): TgwExpected {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    routeTables: [...model.routeTables]
      .sort((a, b) => byText(a.name, b.name))
      .map((t) => ({
        name: t.name,
        associations: [...t.associations].sort(byText),
        propagations: [...t.propagations].sort(byText),
        staticRoutes: [...t.staticRoutes].sort((a, b) => byText(a.cidr, b.cidr)),
      })),
  };
}
