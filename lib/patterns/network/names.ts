/** `tenants-prod` -> `TenantsProd`: construct IDs from plan names (the planners name outputs the same way). */
export { pascal } from '../../planners/naming';

/** `10.64.8.0/21` -> `10x64x8x0x21`: a CIDR as part of a construct ID. */
export function cidrId(cidr: string): string {
  return cidr.replace(/[./]/g, 'x');
}
