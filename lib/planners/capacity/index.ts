export * from './types';
export * from './plan-capacity';
export * from './assert-capacity';
export { needMbps, capacityRow } from './capacity-row';
