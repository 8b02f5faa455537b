import { CoreStackRole } from '../planners/naming';
import { EstateStack } from './estate-stack';
import { TenantEnvironmentStack } from './tenant-environment-stack';

/** The stacks every later builder (landing zone, network, delivery) adds to or depends on. */
export interface EstateStacks {
  readonly core: Readonly<Record<CoreStackRole, EstateStack>>;
  readonly tenants: readonly TenantEnvironmentStack[];
}
