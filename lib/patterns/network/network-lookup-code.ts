import { join } from 'node:path';

/**
 * The network lookup handler, owned by lib/handlers/network-lookup (TypeScript, bundled with
 * esbuild as an asset). It answers three deploy-time questions the hub cannot answer at synth
 * time without credentials:
 *
 * - `Attachments`: Transit Gateway attachment IDs, by type plus owner account (spoke and
 *   shared-services VPCs) or resource ID (VPN connections, the Direct Connect gateway). It
 *   waits for missing ones and fails on ambiguous ones, naming the key.
 * - `FirewallArn`: the firewall's endpoint ID in each AZ (the CloudFormation attribute lists
 *   them in no guaranteed order).
 * - `Organization`: the organization's ARN, for RAM shares (config has no organization ID).
 *
 * The Lambda runtime provides the AWS SDK v3 clients used there, so they are not bundled.
 */
export const NETWORK_LOOKUP_ENTRY = join(__dirname, '..', '..', 'handlers', 'network-lookup', 'index.ts');
