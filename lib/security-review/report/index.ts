export * from './load-assembly';
export * from './report-data';
export * from './summary';
export { renderMarkdown } from './markdown';
export { renderSarif, SARIF_SCHEMA } from './sarif';
export { renderJson } from './json';
