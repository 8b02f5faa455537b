#!/usr/bin/env node
import { createApp } from '../lib/app/create-app';
import { ReportedError } from '../lib/errors/user-input-error';

// Bad input (config, `-c` values), or a capacity need the design cannot meet, synthesizes
// nothing: print every error (no stack trace) and stop, with the documented exit code (2 for
// input, 1 for an unmet need), before any template is written. Anything else is a bug.
try {
  createApp().app.synth();
} catch (error) {
  // ReportedError.is, not instanceof: it also holds for a copy of the class loaded twice.
  if (!ReportedError.is(error)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(error.exitCode);
}
