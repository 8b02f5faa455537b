export * from './config-error';
export * from './model';
export * from './load-config';
export * from './validate-estate';
export * from './schema/estate-schema';
export * from './schema/tenant-schema';
export * from './schema/segmentation-schema';
