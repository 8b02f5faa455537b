import { App, Stack, Validations } from 'aws-cdk-lib';
import { reportSynthProgress, SynthProgress } from '../../lib/app/synth-progress';
import { progressWanted } from '../../lib/terminal/progress-wanted';

/** A stream that records what was written, and a clock the test moves. */
function recorder(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (t: string) => writes.push(t) }, writes };
}

describe('progressWanted', () => {
  test.each([
    [{}, true, true],
    [{}, false, false],
    [{ CI: 'true' }, true, false],
    [{ CI: 'true', NHS_CLOUD_PROGRESS: 'true' }, false, true],
    [{ NHS_CLOUD_PROGRESS: 'false' }, true, false],
  ])('env %p on a %p terminal: %p', (env, isTTY, wanted) => {
    expect(progressWanted(env, { isTTY, write: () => true })).toBe(wanted);
  });
});

describe('SynthProgress', () => {
  test('on a terminal: one line redrawn in place, no more often than asked, erased at the end', () => {
    let now = 0;
    const { stream, writes } = recorder(true);
    const progress = new SynthProgress(stream, 200, () => now);
    progress.begin('templates');
    now = 100;
    progress.step(1, 3); // too soon: not drawn
    now = 250;
    progress.step(2, 3);
    now = 260;
    progress.step(3, 3); // the last step is always drawn
    progress.end('3 stacks synthesized');
    expect(writes).toEqual([
      '\r\x1b[2Knhs-cloud synth: templates, 0.0 s',
      '\r\x1b[2Knhs-cloud synth: templates 2/3 stacks, 0.3 s',
      '\r\x1b[2Knhs-cloud synth: templates 3/3 stacks, 0.3 s',
      '\r\x1b[2K',
      'nhs-cloud synth: 3 stacks synthesized, 0.3 s\n',
    ]);
  });

  test('in a log: a line per phase and no control characters', () => {
    let now = 0;
    const { stream, writes } = recorder(false);
    const progress = new SynthProgress(stream, 200, () => now);
    progress.begin('templates');
    now = 500;
    progress.step(1, 2);
    progress.step(2, 2);
    progress.end('2 stacks synthesized');
    expect(writes).toEqual([
      'nhs-cloud synth: templates, 0.0 s\n',
      'nhs-cloud synth: templates 2/2 stacks, 0.5 s\n',
      'nhs-cloud synth: 2 stacks synthesized, 0.5 s\n',
    ]);
  });
});

describe('reportSynthProgress', () => {
  test('counts every stack of a real synth (in a log, the phase and its last count only)', () => {
    const app = new App({ analyticsReporting: false });
    for (const id of ['A', 'B', 'C']) new Stack(app, id);
    const { stream, writes } = recorder(false);
    reportSynthProgress(app, new SynthProgress(stream, 0));
    app.synth();
    expect(writes.map((w) => w.replace(/, [\d.]+ s\n$/, ''))).toEqual([
      'nhs-cloud synth: built 3 stacks; resolving references',
      'nhs-cloud synth: templates',
      'nhs-cloud synth: templates 3/3 stacks',
    ]);
  });

  test('names each review plugin as the CDK runs it', () => {
    const app = new App({ analyticsReporting: false });
    new Stack(app, 'A');
    Validations.of(app).addPlugins({
      name: 'Probe',
      validate: () => ({ success: true, violations: [] }),
    });
    const { stream, writes } = recorder(false);
    reportSynthProgress(app, new SynthProgress(stream, 0));
    app.synth();
    expect(writes.map((w) => w.replace(/, [\d.]+ s\n$/, ''))).toContain(
      'nhs-cloud synth: review: Probe (1/1)',
    );
  });
});
