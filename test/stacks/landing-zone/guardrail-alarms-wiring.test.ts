import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildModel, landingZoneModel } from './example-landing-zone';

// Two tenants (a segmentation rule joins them) are enough: the alarms live in two core stacks, whatever the tenants.
const full = landingZoneModel();
const model = { ...full, tenants: full.tenants.filter((t) => ['RGR', 'RDE'].includes(t.odsCode)) };
const { app } = buildModel(model);
const stack = (name: string) => app.node.findChild(name) as Stack;
const template = (name: string) => Template.fromStack(stack(name));
/** An ARN as the template renders it (the partition is a token in this test app). */
const arn = (name: string, rest: string) => stack(name).resolve(`arn:${stack(name).partition}:${rest}`);
const { logArchive, security } = model.estate.organization.accounts;

describe('guardrail alarms in the estate (issue 14, item 4)', () => {
  it("copies the organization trail into the log archive's alarm log group", () => {
    template('Core-LogArchive').hasResourceProperties('AWS::CloudTrail::Trail', {
      IsOrganizationTrail: true,
      CloudWatchLogsLogGroupArn: {
        'Fn::GetAtt': [Match.stringLikeRegexp('^GuardrailAlarmsTrailLogs'), 'Arn'],
      },
    });
  });

  it("forwards the log archive's alarms to the security account, which accepts them from there only", () => {
    template('Core-LogArchive').hasResourceProperties('AWS::Events::Rule', {
      Targets: [
        Match.objectLike({ Arn: arn('Core-LogArchive', `events:eu-west-2:${security}:event-bus/default`) }),
      ],
    });
    const core = template('Core-Security');
    core.hasResourceProperties('AWS::Events::EventBusPolicy', {
      Statement: Match.objectLike({ Principal: { AWS: arn('Core-Security', `iam::${logArchive}:root`) } }),
    });
    core.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ account: [logArchive] }),
      Targets: Match.arrayWith([
        Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('Csoc'), 'Arn'] } }),
      ]),
    });
  });
});
