import { buildProgram } from '../lib/cli/program';
import { handleError } from '../lib/cli/handle-error';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => handleError(error));
