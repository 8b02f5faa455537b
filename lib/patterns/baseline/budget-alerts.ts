import { aws_budgets as budgets } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BudgetPlan } from '../../planners/landing-zone/baseline-plan';

export interface BudgetAlertsProps {
  readonly plan: BudgetPlan;
}

/**
 * A monthly cost budget for the account that e-mails the tenant's contacts when actual spend
 * passes each threshold (80% and 100%). AWS Budgets measures cost in USD, so the GBP budget
 * from the tenant file is converted at the configured rate (see docs/landing-zone.md).
 */
export class BudgetAlerts extends Construct {
  constructor(scope: Construct, id: string, props: BudgetAlertsProps) {
    super(scope, id);
    const { plan } = props;
    if (plan.subscribers.length === 0)
      throw new Error(`BudgetAlerts: budget ${plan.name} has no subscribers`);
    new budgets.CfnBudget(this, 'Resource', {
      budget: {
        budgetName: plan.name,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: plan.monthlyUsd, unit: 'USD' },
      },
      notificationsWithSubscribers: plan.thresholdsPercent.map((threshold) => ({
        notification: {
          notificationType: 'ACTUAL',
          comparisonOperator: 'GREATER_THAN',
          threshold,
          thresholdType: 'PERCENTAGE',
        },
        subscribers: plan.subscribers.map((address) => ({ subscriptionType: 'EMAIL', address })),
      })),
    });
  }
}
