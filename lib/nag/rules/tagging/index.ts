export { default as MandatoryTags } from './MandatoryTags';
