export * from './topology';
export * from './mermaid';
export * from './format-diagram';
