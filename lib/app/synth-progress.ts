import { App, IPolicyValidationPlugin, Stack } from 'aws-cdk-lib';
import { ProgressStream } from '../terminal/progress-wanted';

/**
 * One status line on stderr while a national estate synthesizes: the phase, stacks done of
 * total and the time so far, redrawn in place at most every `everyMs` on a terminal (one line
 * per phase elsewhere), and erased at the end, so `cdk synth --quiet` leaves nothing behind
 * but the final line.
 *
 *   nhs-cloud synth: templates 312/1005 stacks, 12.3 s
 */
export class SynthProgress {
  private readonly started: number;
  private last = 0;
  private phase = '';

  constructor(
    private readonly stream: ProgressStream,
    private readonly everyMs = 200,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** A new phase; shown at once. */
  begin(phase: string): void {
    this.phase = phase;
    this.draw(phase, true);
  }

  /** `done` of `total` in the current phase; shown when the line is due. */
  step(done: number, total: number): void {
    this.draw(`${this.phase} ${done}/${total} stacks`, done === total);
  }

  /** Erases the status line and prints the outcome. */
  end(summary: string): void {
    this.clear();
    this.stream.write(`nhs-cloud synth: ${summary}, ${this.elapsed()}\n`);
  }

  private draw(text: string, force: boolean): void {
    const at = this.now();
    if (!force && at - this.last < this.everyMs) return;
    this.last = at;
    const line = `nhs-cloud synth: ${text}, ${this.elapsed()}`;
    if (this.stream.isTTY) this.stream.write(`\r\x1b[2K${line}`);
    else if (force) this.stream.write(`${line}\n`);
  }

  private clear(): void {
    if (this.stream.isTTY) this.stream.write('\r\x1b[2K');
  }

  private elapsed(): string {
    return `${((this.now() - this.started) / 1000).toFixed(1)} s`;
  }
}

/**
 * Reports a built app's synthesis: each stack's template as it is written (the CDK calls every
 * stack's synthesizer once), then each review plugin as the CDK runs it. Only instance methods of
 * this app's objects are wrapped; nothing global changes.
 */
export function reportSynthProgress(app: App, progress: SynthProgress): void {
  const stacks = app.node.findAll().filter((c): c is Stack => Stack.isStack(c));
  let written = 0;
  progress.begin(`built ${stacks.length} stacks; resolving references`);
  let templatesBegun = false;
  for (const stack of stacks) {
    const synthesizer = stack.synthesizer;
    const synthesize = synthesizer.synthesize.bind(synthesizer);
    synthesizer.synthesize = (session) => {
      if (!templatesBegun) {
        templatesBegun = true;
        progress.begin('templates');
      }
      synthesize(session);
      progress.step(++written, stacks.length);
    };
  }
  // The plugins Validations.of(app).addPlugins registered (the CDK keeps them on the stage); if a
  // CDK version keeps them elsewhere, the review just shows no per-pack progress.
  const plugins = (app as unknown as { _validationPlugins?: IPolicyValidationPlugin[] })._validationPlugins;
  for (const [i, plugin] of (plugins ?? []).entries()) {
    const validate = plugin.validate.bind(plugin);
    plugin.validate = (context) => {
      progress.begin(`review: ${plugin.name} (${i + 1}/${plugins!.length})`);
      return validate(context);
    };
  }
}
