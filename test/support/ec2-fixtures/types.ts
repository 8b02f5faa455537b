import type { FixtureSecurityGroup } from './security-group-actions';

/**
 * The account state the fixture EC2 server answers from. Everything is plain data so a test
 * shows the whole world it runs in; `name` becomes the resource's `Name` tag.
 */
export interface FixtureRegion {
  readonly name: string;
  readonly optInStatus: 'opt-in-not-required' | 'opted-in' | 'not-opted-in';
  /**
   * The region's zones as this account sees them.
   * @default three available zones whose names are not their IDs' order: <region>a is <prefix>-az2,
   * <region>b is <prefix>-az1, <region>c is <prefix>-az3 (an account's names are its own)
   */
  readonly zones?: readonly FixtureZone[];
}

export interface FixtureZone {
  readonly name: string;
  readonly id: string;
  /** @default 'available' */
  readonly state?: string;
}

export interface FixtureVpc {
  readonly id: string;
  readonly cidr: string;
  /** Secondary IPv4 CIDR blocks. */
  readonly extraCidrs?: readonly string[];
  readonly ownerId: string;
  readonly isDefault?: boolean;
  readonly name?: string;
}

export interface FixtureTransitGateway {
  readonly id: string;
  readonly ownerId: string;
  /** @default 'available' */
  readonly state?: string;
  readonly name?: string;
}

export interface FixtureAttachment {
  readonly id: string;
  readonly transitGatewayId: string;
  /** @default 'vpc' */
  readonly resourceType?: string;
  readonly resourceId?: string;
  /** The account that owns the attached resource (a spoke VPC's account). @default not sent */
  readonly resourceOwnerId?: string;
  /** @default 'available' */
  readonly state?: string;
  readonly name?: string;
}

/** A Site-to-Site VPN connection; its Transit Gateway attachment is a separate, untagged attachment. */
export interface FixtureVpnConnection {
  readonly id: string;
  readonly transitGatewayId: string;
  /** @default 'available' */
  readonly state?: string;
  readonly name?: string;
}

export interface FixtureRoute {
  readonly cidr: string;
  readonly type: 'static' | 'propagated';
  /** @default 'active' */
  readonly state?: string;
  readonly attachmentIds?: readonly string[];
}

export interface FixtureRouteTable {
  readonly id: string;
  readonly transitGatewayId: string;
  readonly name?: string;
  /** @default 'available' */
  readonly state?: string;
  /** Attachment IDs associated with the table. */
  readonly associations?: readonly string[];
  /** Attachment IDs propagating into the table. */
  readonly propagations?: readonly string[];
  readonly routes?: readonly FixtureRoute[];
}

/** Account-level EC2 settings; the server changes these when modifying actions arrive. */
export interface FixtureAccountSettings {
  ebsEncryptionByDefault: boolean;
  /** What GetEbsDefaultKmsKeyId answers; AWS reports the managed key alias until one is set. */
  ebsDefaultKmsKeyId: string;
  /** Absent means "no preference", as in a fresh account. */
  httpTokens?: 'optional' | 'required';
  httpPutResponseHopLimit?: number;
}

export interface Ec2Fixtures {
  readonly regions?: readonly FixtureRegion[];
  readonly vpcs?: readonly FixtureVpc[];
  readonly transitGateways?: readonly FixtureTransitGateway[];
  readonly attachments?: readonly FixtureAttachment[];
  readonly routeTables?: readonly FixtureRouteTable[];
  readonly vpnConnections?: readonly FixtureVpnConnection[];
  readonly securityGroups?: readonly FixtureSecurityGroup[];
  readonly account?: Partial<FixtureAccountSettings>;
}

/** A request as the server received it: the action and every form field, flat. */
export interface RecordedRequest {
  readonly action: string;
  readonly params: Readonly<Record<string, string>>;
  /** From the SigV4 Authorization header, to prove the client signed with the test key. */
  readonly accessKeyId?: string;
  /** The region the client signed for, from the same header. */
  readonly region?: string;
}

/** An error the server answers with instead of running the action. */
export interface ScriptedError {
  readonly code: string;
  readonly message?: string;
  /** @default the status EC2 uses for the code (see statusOf) */
  readonly status?: number;
}
