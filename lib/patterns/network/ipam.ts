import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { cidrId } from './names';

export interface EstateIpamProps {
  /** Regions the estate may use; IPAM manages addresses in these. */
  readonly operatingRegions: readonly string[];
  readonly tenantSupernet: string;
  /** The hub VPC ranges by name (inspection, egress, sharedServices). */
  readonly hubRanges: Readonly<Record<string, string>>;
}

/**
 * IPAM in the network account, mirroring the address register kept in git: a pool for the
 * hub ranges (each recorded as an allocation here) and one for the tenant supernet, whose
 * allocations (one per tenant environment) live in the hub shards. Spokes still take their
 * CIDRs from config; the pools make anything allocated outside the code avoid them.
 */
export class EstateIpam extends Construct {
  readonly ipam: ec2.CfnIPAM;
  readonly tenantPool: ec2.CfnIPAMPool;
  /** Allocations in the tenant pool must wait for its CIDR to be provisioned. */
  readonly tenantPoolCidr: ec2.CfnIPAMPoolCidr;
  readonly hubPool: ec2.CfnIPAMPool;

  constructor(scope: Construct, id: string, props: EstateIpamProps) {
    super(scope, id);
    this.ipam = new ec2.CfnIPAM(this, 'Resource', {
      description: 'NHS national cloud address register (mirrors config)',
      operatingRegions: props.operatingRegions.map((regionName) => ({ regionName })),
    });
    const scopeId = this.ipam.attrPrivateDefaultScopeId;
    this.tenantPool = new ec2.CfnIPAMPool(this, 'TenantPool', {
      ipamScopeId: scopeId,
      addressFamily: 'ipv4',
      description: 'Tenant environments (tenantSupernet)',
      autoImport: false,
      tags: [{ key: 'Name', value: 'tenants' }],
    });
    this.tenantPoolCidr = new ec2.CfnIPAMPoolCidr(this, 'TenantPoolCidr', {
      ipamPoolId: this.tenantPool.attrIpamPoolId,
      cidr: props.tenantSupernet,
    });
    this.hubPool = new ec2.CfnIPAMPool(this, 'HubPool', {
      ipamScopeId: scopeId,
      addressFamily: 'ipv4',
      description: 'Hub VPCs (network.hub)',
      autoImport: false,
      tags: [{ key: 'Name', value: 'hub' }],
    });
    for (const [name, cidr] of Object.entries(props.hubRanges)) {
      const provisioned = new ec2.CfnIPAMPoolCidr(this, `HubPoolCidr${cidrId(cidr)}`, {
        ipamPoolId: this.hubPool.attrIpamPoolId,
        cidr,
      });
      const allocation = new ec2.CfnIPAMAllocation(this, `Hub${cidrId(cidr)}`, {
        ipamPoolId: this.hubPool.attrIpamPoolId,
        cidr,
        description: `hub ${name}`,
      });
      allocation.addResourceDependency(provisioned);
    }
  }
}
