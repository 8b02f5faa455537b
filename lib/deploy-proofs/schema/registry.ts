import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import type { PropertyType, Resource, TypeDefinition } from '@aws-cdk/service-spec-types';

type SpecDatabase = ReturnType<typeof loadAwsServiceSpecSync>;

/**
 * The CloudFormation registry schemas as the CDK's own `@aws-cdk/aws-service-spec` carries
 * them (property names, types, enums, required keys), loaded once per process (about 0.4 s).
 */
export class Registry {
  private static loaded: Registry | undefined;
  private readonly resources = new Map<string, Resource | undefined>();

  static load(): Registry {
    Registry.loaded ??= new Registry(loadAwsServiceSpecSync());
    return Registry.loaded;
  }

  private constructor(private readonly db: SpecDatabase) {}

  /** The resource type's schema, or undefined for a type the registry does not know. */
  resource(type: string): Resource | undefined {
    if (!this.resources.has(type)) {
      const found = this.db.lookup('resource', 'cloudFormationType', 'equals', type);
      this.resources.set(type, found.length === 1 ? found[0] : undefined);
    }
    return this.resources.get(type);
  }

  typeDefinition(type: Extract<PropertyType, { type: 'ref' }>): TypeDefinition {
    return this.db.get('typeDefinition', type.reference);
  }
}
