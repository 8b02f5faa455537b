export * from './hub-subnets';
export * from './direct-connect';
export * from './dns';
export * from './vpn-links';
export * from './network-plan';
