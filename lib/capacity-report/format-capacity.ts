import { CapacityPlan } from '../planners/capacity/types';
import { formatCapacityJson } from './format-json';
import { formatCapacityMarkdown } from './format-markdown';
import { formatCapacityText } from './format-text';

export const CAPACITY_FORMATS = ['text', 'md', 'json'] as const;
export type CapacityFormat = (typeof CAPACITY_FORMATS)[number];

export function formatCapacity(plan: CapacityPlan, format: CapacityFormat): string {
  switch (format) {
    case 'json':
      return formatCapacityJson(plan);
    case 'md':
      return formatCapacityMarkdown(plan);
    case 'text':
      return formatCapacityText(plan);
  }
}
