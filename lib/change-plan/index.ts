export * from './types';
export * from './classify-diff';
export * from './guarded-resources';
export * from './guard';
export * from './plan-scope';
export * from './merge-stacks';
export * from './format-plan';
export * from './build-plan';
