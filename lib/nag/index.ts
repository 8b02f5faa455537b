export * from './nhs-cloud-checks';
export { NhsTagKeys } from './tags';
export type { NagRule } from './rule';
export * as rules from './rules';
