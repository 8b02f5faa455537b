import { AwsSolutionsChecks, HIPAASecurityChecks, NagPack, NIST80053R5Checks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { UK_REGIONS } from '../config/checks/regions';
import { allEnvironments, coreAccounts, EstateModel } from '../config/model';
import { NhsCloudChecks } from '../nag/nhs-cloud-checks';
import { FindingRecorder, recordingPack } from './finding-recorder';

/**
 * The rule packs every stack is checked against, in report order. Each records its findings
 * (acknowledged ones included) so the review knows what each exception covered.
 */
export function createPacks(scope: IConstruct, model: EstateModel, recorder: FindingRecorder): NagPack[] {
  return [
    recordingPack(AwsSolutionsChecks, recorder, scope),
    recordingPack(HIPAASecurityChecks, recorder, scope),
    recordingPack(NIST80053R5Checks, recorder, scope),
    recordingPack(NhsCloudChecks, recorder, scope, {
      // UK regions only: a region allowed by a residency exception still shows in the review,
      // as a finding the security team accepts in config/exceptions.yaml.
      allowedRegions: ukRegions(model),
      minLogRetentionDays: model.estate.security.logRetention,
      estateAccounts: estateAccounts(model),
      estate: model.estate,
    }),
  ];
}

/** Every account config knows: the core accounts and every vended tenant environment. */
function estateAccounts(model: EstateModel): string[] {
  return [
    ...Object.values(coreAccounts(model.estate)),
    ...allEnvironments(model).flatMap((env) => (env.accountId ? [env.accountId] : [])),
  ];
}

/** The estate's allowed regions in the UK (the UK ones when it allows none, so the pack still runs). */
function ukRegions(model: EstateModel): string[] {
  const uk = model.estate.allowedRegions.filter((region) => UK_REGIONS.includes(region));
  return uk.length ? uk : [...UK_REGIONS];
}
