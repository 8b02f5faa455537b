import { z } from 'zod';
import { odsCode } from './primitives';

/** The Transit Gateway segments (route tables). Fixed: the policy says who may talk, not what exists. */
export const SEGMENTS = [
  'national-services',
  'tenants-prod',
  'tenants-nonprod',
  'shared-services',
  'on-premises',
  'post-inspection',
] as const;
export type SegmentName = (typeof SEGMENTS)[number];

/** Segments a rule may name: post-inspection is where inspected traffic goes, never a source or target. */
export const RULE_SEGMENTS = SEGMENTS.filter((s) => s !== 'post-inspection') as Exclude<
  SegmentName,
  'post-inspection'
>[];

const endpoint = z
  .strictObject({
    segment: z.enum(RULE_SEGMENTS, { error: `expected one of ${RULE_SEGMENTS.join(', ')}` }).optional(),
    tenant: odsCode.optional(),
    environment: z.string().optional(),
  })
  .superRefine((e, ctx) => {
    if ((e.segment === undefined) === (e.tenant === undefined)) {
      const found = e.segment === undefined ? 'neither' : 'both';
      ctx.addIssue({
        code: 'custom',
        message: `expected exactly one of \`segment\` or \`tenant\`, found ${found}`,
      });
    }
  })
  .describe('One side of a flow: a whole segment, or one tenant (optionally one of its environments).');

export const flowRuleSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { error: 'expected a kebab-case rule name' }),
    from: endpoint,
    to: endpoint,
    protocol: z.enum(['tcp', 'udp', 'icmp'], { error: 'expected tcp, udp or icmp' }).default('tcp'),
    ports: z
      .array(
        z
          .number({ error: 'expected a port number' })
          .int({ error: 'expected a whole-number port' })
          .min(1, { error: 'expected a port number from 1 to 65535' })
          .max(65535, { error: 'expected a port number from 1 to 65535' }),
        { error: 'expected a list of port numbers' },
      )
      .min(1, { error: 'expected at least one port' })
      .optional(),
    reason: z.string().min(10, { error: 'expected a reason of at least 10 characters' }),
  })
  .describe('An allowed flow. Every allowed flow still passes the inspection firewall.');

export const segmentationSchema = z
  .strictObject({
    defaultAction: z
      .literal('deny', { error: 'expected "deny": the estate is default-deny' })
      .default('deny'),
    rules: z.array(flowRuleSchema).default([]),
    egressDomains: z
      .array(
        z.string().regex(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)+$/, {
          error: 'expected a domain such as .nhs.uk (a leading dot allows subdomains)',
        }),
      )
      .default([]),
  })
  .describe('Network segmentation policy: default deny, explicit flows, and the internet egress allow-list.');

export type FlowRule = z.infer<typeof flowRuleSchema>;
export type SegmentationConfig = z.infer<typeof segmentationSchema>;
