export * as backup from './backup';
export * as encryption from './encryption';
export * as identity from './identity';
export * as logging from './logging';
export * as network from './network';
export * as organization from './organization';
export * as residency from './residency';
export * as tagging from './tagging';
