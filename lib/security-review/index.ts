export * from './register-security-review';
export * from './exceptions-schema';
export * from './load-exceptions';
export * from './review-file';
