import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildFixtureEstate, FIXTURE_ESTATE_DIR } from '../support/fixture-estate';

/**
 * Issue 14, item 8: an exception's reason that claims a control names the construct that is
 * that control, as `(Stack/Path)`, and the construct exists in the synthesized estate. A
 * reason that claims MFA, an alert, a copy or an analysis without naming one fails, so a
 * reason cannot promise a control nobody built. Checked for config/ and the fixture.
 */
const CLAIMS = /\b(MFA|alerts? (?:the|on|to)|alarms?|backup account|analy[sz]ed|monitored|copies)\b/i;
const CITED = /\b((?:Core|Tenant|Org)-[\w*-]+(?:\/[\w*-]+)+)/g;

const { app } = buildFixtureEstate();
const paths = app.node.findAll().map((c) => c.node.path);
const exists = (cited: string) => {
  const re = new RegExp(`^${cited.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`);
  return paths.some((p) => re.test(p));
};

describe.each([
  ['config/exceptions.yaml', join(__dirname, '..', '..', 'config', 'exceptions.yaml')],
  ['fixture exceptions.yaml', join(FIXTURE_ESTATE_DIR, 'exceptions.yaml')],
])('%s', (_name, file) => {
  const entries = (parse(readFileSync(file, 'utf8')) as { exceptions: { rule: string; reason: string }[] })
    .exceptions;
  const claiming = entries.filter((e) => CLAIMS.test(e.reason));

  it('has reasons that claim controls (the check is not vacuous)', () => {
    expect(claiming.length).toBeGreaterThan(0);
  });

  it.each(claiming.map((e) => [e.rule, e.reason] as const))(
    '%s: cites the construct of each control it claims, which exists',
    (_rule, reason) => {
      const cited = [...reason.matchAll(CITED)].map((m) => m[1]!);
      expect(cited.length).toBeGreaterThan(0);
      expect(cited.filter((c) => !exists(c))).toEqual([]);
    },
  );
});
