#!/usr/bin/env node
import { ConfigValidationError } from '../lib/config/config-error';
import { createApp } from '../lib/app/create-app';

// An invalid config synthesizes nothing: print every error and stop before any stack exists.
try {
  createApp().app.synth();
} catch (error) {
  if (!(error instanceof ConfigValidationError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
