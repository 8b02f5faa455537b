#!/usr/bin/env node
import { createApp } from '../lib/app/create-app';
import { SynthProgress } from '../lib/app/synth-progress';
import { describeHubScope } from '../lib/planners/hub/one-tenant-scope';
import { progressWanted } from '../lib/terminal/progress-wanted';
import { ReportedError } from '../lib/errors/user-input-error';

// On a terminal, a status line shows how far a national estate's synth has got
// (NHS_CLOUD_PROGRESS=true|false overrides; never in CI unless asked).
const progress = progressWanted(process.env, process.stderr) ? new SynthProgress(process.stderr) : undefined;

// Bad input (config, `-c` values), or a capacity need the design cannot meet, synthesizes
// nothing: print every error (no stack trace) and stop, with the documented exit code (2 for
// input, 1 for an unmet need), before any template is written. Anything else is a bug.
try {
  const { app, stacks } = createApp({}, progress);
  const assembly = app.synth();
  progress?.end(`${assembly.stacks.length} stacks synthesized to ${assembly.directory}`);
  const scope = stacks.network.scope;
  if (scope) process.stderr.write(`${describeHubScope(scope)}\n`);
} catch (error) {
  progress?.end('stopped');
  // ReportedError.is, not instanceof: it also holds for a copy of the class loaded twice.
  if (!ReportedError.is(error)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(error.exitCode);
}
