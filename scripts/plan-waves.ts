/**
 * `npx tsx scripts/plan-waves.ts ...` is `nhs-cloud waves ...` (lib/cli/commands/waves.ts),
 * kept so the pipeline's synth step and older runbooks keep working. Same flags, same output.
 */
import { handleError } from '../lib/cli/handle-error';
import { buildProgram } from '../lib/cli/program';

buildProgram(undefined, 'waves')
  .parseAsync(['node', 'nhs-cloud', 'waves', ...process.argv.slice(2)])
  .catch((error) => handleError(error));
