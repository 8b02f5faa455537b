export { default as NoOpenIngress } from './NoOpenIngress';
export { default as TenantNoInternetPath } from './TenantNoInternetPath';
