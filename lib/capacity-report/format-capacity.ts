import { CapacityPlan } from '../planners/capacity/types';
import { QuotaRow } from '../planners/hub/quotas';
import { formatCapacityJson } from './format-json';
import { formatCapacityMarkdown } from './format-markdown';
import { formatCapacityText } from './format-text';

export const CAPACITY_FORMATS = ['text', 'md', 'json'] as const;
export type CapacityFormat = (typeof CAPACITY_FORMATS)[number];

/** `quotas`: what the network plan needs of each quota, when the plan could be made. */
export function formatCapacity(
  plan: CapacityPlan,
  format: CapacityFormat,
  quotas: readonly QuotaRow[] = [],
): string {
  switch (format) {
    case 'json':
      return formatCapacityJson(plan, quotas);
    case 'md':
      return formatCapacityMarkdown(plan, quotas);
    case 'text':
      return formatCapacityText(plan, quotas);
  }
}
