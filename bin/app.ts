#!/usr/bin/env node
import { ConfigValidationError } from '../lib/config/config-error';
import { createApp } from '../lib/app/create-app';
import { UserInputError } from '../lib/errors/user-input-error';

// Bad input (config, `-c` values), or a capacity need the design cannot meet, synthesizes nothing: print
// every error (no stack trace) and stop before any template is written.
try {
  createApp().app.synth();
} catch (error) {
  // UserInputError.is, not instanceof: it also holds for a copy of the class loaded twice.
  if (!(error instanceof ConfigValidationError || UserInputError.is(error))) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
