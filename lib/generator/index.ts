export * from './generate-estate';
export * from './write-estate';
export * from './summarise';
export { TRUST_KINDS, type OrganisationKind, type TrustKind } from './organisation-kinds';
