#!/usr/bin/env node
import { ConfigValidationError } from '../lib/config/config-error';
import { createApp } from '../lib/app/create-app';
import { UserInputError as UserError } from '../lib/errors/user-input-error';

// An invalid config, or a capacity need the design cannot meet, synthesizes nothing: print
// every error (no stack trace) and stop before any template is written.
try {
  createApp().app.synth();
} catch (error) {
  if (!(error instanceof ConfigValidationError || error instanceof UserError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
