export { default as NoOpenIngress } from './NoOpenIngress';
export { default as NoSplitOpenIngress } from './NoSplitOpenIngress';
export { default as TenantNoInternetPath } from './TenantNoInternetPath';
export { default as VpcDefaultSecurityGroupClosed } from './VpcDefaultSecurityGroupClosed';
