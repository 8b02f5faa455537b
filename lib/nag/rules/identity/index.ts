export { default as NoIamUsers } from './NoIamUsers';
export { default as RoleTrustInEstate } from './RoleTrustInEstate';
export { default as ServiceTrustScoped } from './ServiceTrustScoped';
