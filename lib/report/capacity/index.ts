export * from './format-capacity';
export * from './format-json';
export * from './format-markdown';
export * from './format-text';
export * from './mermaid-chart';
