#!/usr/bin/env node
// Entry for `npx nhs-cloud`: runs the TypeScript CLI through tsx, so no build step is needed.
require('tsx/cjs');
require('./nhs-cloud.ts');
