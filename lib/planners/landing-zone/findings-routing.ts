/** Security Hub severity labels that page the security team and the CSOC. */
export const ALERT_SEVERITIES = ['HIGH', 'CRITICAL'] as const;

/**
 * EventBridge pattern for new, active Security Hub findings of HIGH or CRITICAL severity, as the
 * delegated administrator receives them from every account (and, through the aggregator, every
 * region). Suppressed or resolved findings, and updates to old ones, do not alert again.
 */
export function highSeverityFindingsPattern(): {
  source: string[];
  detailType: string[];
  detail: Record<string, unknown>;
} {
  return {
    source: ['aws.securityhub'],
    detailType: ['Security Hub Findings - Imported'],
    detail: {
      findings: {
        Severity: { Label: [...ALERT_SEVERITIES] },
        Workflow: { Status: ['NEW'] },
        RecordState: ['ACTIVE'],
      },
    },
  };
}
