// Where the shared corpus of real files lies (never copied into the project): KVP_CORPUS when it is
// set (.ci/run sets it for a clone that is not beside it), else ../shared/corpus beside the project.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR =
  process.env.KVP_CORPUS ?? fileURLToPath(new URL('../../../shared/corpus', import.meta.url));

/** A path inside the corpus: corpusPath('kvp', name). */
export function corpusPath(...parts: string[]): string {
  return join(CORPUS_DIR, ...parts);
}
