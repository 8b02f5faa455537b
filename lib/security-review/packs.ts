import { AwsSolutionsChecks, HIPAASecurityChecks, NagPack, NIST80053R5Checks } from 'cdk-nag';
import { IConstruct } from 'constructs';
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
      allowedRegions: model.estate.allowedRegions,
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
