export { default as RegionAllowed } from './RegionAllowed';
