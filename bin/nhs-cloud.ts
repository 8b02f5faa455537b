import { buildProgram } from '../lib/cli/program';
import { handleError } from '../lib/cli/handle-error';

buildProgram(undefined, process.argv[2])
  .parseAsync(process.argv)
  .catch((error: unknown) => handleError(error));
