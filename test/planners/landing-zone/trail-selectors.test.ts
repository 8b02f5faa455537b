import {
  patientDataBucketPrefixes,
  planTrailSelectors,
} from '../../../lib/planners/landing-zone/trail-selectors';
import { fixtureModel } from '../../support/fixture-estate';

const model = fixtureModel();

describe('planTrailSelectors', () => {
  it('records management events and S3 object events on patient-data buckets', () => {
    const [management, data] = planTrailSelectors(model);
    expect(management).toEqual({
      name: 'Management events',
      fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }],
    });
    expect(data!.fieldSelectors.slice(0, 2)).toEqual([
      { field: 'eventCategory', equalTo: ['Data'] },
      { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
    ]);
    expect(data!.fieldSelectors[2]).toEqual({
      field: 'resources.ARN',
      startsWith: patientDataBucketPrefixes(model),
    });
  });

  it('selects buckets of patient-data tenants by their ODS-code prefix, and only theirs', () => {
    const prefixes = patientDataBucketPrefixes(model);
    expect(prefixes).toContain('arn:aws:s3:::rgr-');
    expect(prefixes).not.toContain('arn:aws:s3:::qhm-'); // QHM holds no patient data
    expect(prefixes).toHaveLength(model.tenants.filter((t) => t.patientData).length);
  });

  it('never records the log buckets themselves', () => {
    const notStartsWith = planTrailSelectors(model)[1]!.fieldSelectors[3]!.notStartsWith;
    expect(notStartsWith).toContain('arn:aws:s3:::nhs-cloud-cloudtrail-100000000002-eu-west-2/');
    expect(notStartsWith).toHaveLength(5);
  });

  it('has no data-event selector when no tenant holds patient data', () => {
    const none = { ...model, tenants: model.tenants.map((t) => ({ ...t, patientData: false })) };
    expect(planTrailSelectors(none)).toHaveLength(1);
  });
});
