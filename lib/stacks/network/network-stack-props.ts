import { EstateConfig } from '../../config/schema/estate-schema';
import { EstateStackProps } from '../estate-stack';
import { coreStackProps } from '../stack-props';

/** Props of the network account's stacks beside Core-Network (rules, links, shards). */
export function networkStackProps(estate: EstateConfig, description: string): EstateStackProps {
  return { ...coreStackProps(estate, 'network'), description };
}
