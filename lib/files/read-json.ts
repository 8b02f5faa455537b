import { readFileSync } from 'node:fs';

/** JSON.parse names no file, and an assembly has hundreds: this says which one is broken. */
export function readJsonFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
}
