import type { PropertyType, ResourceProperties } from '@aws-cdk/service-spec-types';
import { isIntrinsic } from '../template-values';
import { Registry } from './registry';

/** Where in the properties a problem is (`Properties.DestinationOptions.fileFormat`) and what. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks an object against a set of schema properties: every key is one the schema names
 * (exactly: property names are case-sensitive), every required key is there, every value has
 * its type and enum. Intrinsics (Ref, Fn::*) stand wherever a value can.
 */
export function checkProperties(
  registry: Registry,
  value: Record<string, unknown>,
  properties: ResourceProperties,
  path: string,
  issues: SchemaIssue[],
): void {
  for (const [key, v] of Object.entries(value)) {
    const property = properties[key];
    if (property) {
      checkValue(registry, v, property.type, `${path}.${key}`, issues);
      continue;
    }
    const sameName = Object.keys(properties).find((name) => name.toLowerCase() === key.toLowerCase());
    issues.push({
      path: `${path}.${key}`,
      message: sameName
        ? `has the wrong case: CloudFormation's schema spells it ${sameName}`
        : `is not a property of this type (it has ${Object.keys(properties).sort().join(', ') || 'none'})`,
    });
  }
  for (const [name, property] of Object.entries(properties)) {
    if (property.required && !(name in value)) {
      issues.push({ path: `${path}.${name}`, message: 'is required but missing' });
    }
  }
}

function checkValue(
  registry: Registry,
  value: unknown,
  type: PropertyType,
  path: string,
  issues: SchemaIssue[],
): void {
  if (isIntrinsic(value)) return;
  const fail = (message: string): void => {
    issues.push({ path, message });
  };
  switch (type.type) {
    case 'string':
      if (!['string', 'number', 'boolean'].includes(typeof value))
        return fail(`expected a string, got ${shape(value)}`);
      if (type.allowedValues?.length && typeof value === 'string' && !type.allowedValues.includes(value))
        return fail(`"${value}" is not one of ${type.allowedValues.join(', ')}`);
      return;
    case 'number':
    case 'integer':
      if (
        typeof value === 'number' ||
        (typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value)))
      )
        return;
      return fail(`expected a number, got ${shape(value)}`);
    case 'boolean':
      if (typeof value === 'boolean' || value === 'true' || value === 'false') return;
      return fail(`expected a boolean, got ${shape(value)}`);
    case 'date-time':
      if (typeof value !== 'string') fail(`expected a date-time string, got ${shape(value)}`);
      return;
    case 'json':
    case 'null':
      return;
    case 'tag':
      if (!isObject(value)) return fail(`expected a tag { Key, Value }, got ${shape(value)}`);
      return checkProperties(registry, value, TAG, path, issues);
    case 'array':
      if (!Array.isArray(value)) return fail(`expected a list, got ${shape(value)}`);
      value.forEach((item, i) => checkValue(registry, item, type.element, `${path}[${i}]`, issues));
      return;
    case 'map':
      if (!isObject(value)) return fail(`expected a map, got ${shape(value)}`);
      for (const [k, v] of Object.entries(value))
        checkValue(registry, v, type.element, `${path}.${k}`, issues);
      return;
    case 'ref': {
      if (!isObject(value)) return fail(`expected an object, got ${shape(value)}`);
      const definition = registry.typeDefinition(type);
      return checkProperties(registry, value, definition.properties, path, issues);
    }
    case 'union': {
      const attempts = type.types.map((member) => {
        const found: SchemaIssue[] = [];
        checkValue(registry, value, member, path, found);
        return found;
      });
      if (attempts.some((a) => a.length === 0)) return;
      // Report against the member shaped like the value (an object for a struct, and so on).
      const best = attempts.reduce((a, b) => (b.length < a.length ? b : a));
      issues.push(...best);
      return;
    }
  }
}

const TAG: ResourceProperties = {
  Key: { type: { type: 'string' }, required: true },
  Value: { type: { type: 'string' }, required: true },
};

function shape(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
