export { default as KmsKeyOrganizationOnly } from './KmsKeyOrganizationOnly';
export { default as SensitiveDataCustomerKey } from './SensitiveDataCustomerKey';
export { default as Tls12Minimum } from './Tls12Minimum';
