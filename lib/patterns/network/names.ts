/** `tenants-prod` -> `TenantsProd`: construct IDs from plan names. */
export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** `10.64.8.0/21` -> `10x64x8x0x21`: a CIDR as part of a construct ID. */
export function cidrId(cidr: string): string {
  return cidr.replace(/[./]/g, 'x');
}
