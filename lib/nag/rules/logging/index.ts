export { default as AuditLogObjectLock } from './AuditLogObjectLock';
export { default as GuardrailAlarmsIntact } from './GuardrailAlarmsIntact';
export { default as LogRetentionMinimum } from './LogRetentionMinimum';
export { default as VpcFlowLogEnabled } from './VpcFlowLogEnabled';
