export { default as GuardrailsIntact } from './GuardrailsIntact';
