import { EstateModel } from '../../config/model';
import { logBucketName, LogPurpose } from '../naming';

export interface FieldSelector {
  readonly field: string;
  readonly equalTo?: readonly string[];
  readonly startsWith?: readonly string[];
  readonly notStartsWith?: readonly string[];
}

export interface EventSelectorPlan {
  readonly name: string;
  readonly fieldSelectors: readonly FieldSelector[];
}

const LOG_PURPOSES: readonly LogPurpose[] = [
  'cloudtrail',
  'vpc-flow-logs',
  'dns-query-logs',
  'network-firewall',
  'access-logs',
];

/**
 * Bucket-name prefixes whose S3 object-level events the organization trail records: a
 * patient-data tenant's buckets are named after its ODS code (`rgr-...`), the convention that
 * lets one selector find them across accounts. Sorted, so the trail does not churn.
 */
export function patientDataBucketPrefixes(model: EstateModel): string[] {
  return model.tenants
    .filter((t) => t.patientData)
    .map((t) => `arn:aws:s3:::${t.odsCode.toLowerCase()}-`)
    .sort();
}

/**
 * Advanced event selectors of the organization trail: every management event, and S3 data
 * events (object reads and writes) on patient-data buckets, but never on the log buckets
 * themselves (logging the trail's own writes would loop).
 */
export function planTrailSelectors(model: EstateModel): EventSelectorPlan[] {
  const selectors: EventSelectorPlan[] = [
    { name: 'Management events', fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }] },
  ];
  const prefixes = patientDataBucketPrefixes(model);
  if (prefixes.length > 0) {
    selectors.push({
      name: 'S3 data events on patient-data buckets',
      fieldSelectors: [
        { field: 'eventCategory', equalTo: ['Data'] },
        { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
        { field: 'resources.ARN', startsWith: prefixes },
        {
          field: 'resources.ARN',
          notStartsWith: LOG_PURPOSES.map((p) => `arn:aws:s3:::${logBucketName(model.estate, p)}/`),
        },
      ],
    });
  }
  return selectors;
}
