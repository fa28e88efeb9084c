// Real export bytes for the browser tests, written as regedit writes them (UTF-16LE with BOM, CRLF).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { regeditBytes } from '../../src/app/samples/regedit-bytes.ts';
import { text as host63 } from '../../src/app/samples/host-6-3.ts';
import { text as host100 } from '../../src/app/samples/host-10-0.ts';
import { text as offered } from '../../src/app/samples/offered.ts';
import { corpusPath } from '../support/corpus.ts';

export const exportsByName = {
  'offered.reg': offered,
  'host-6-3.reg': host63,
  'host-10-0.reg': host100,
};

export type ExportName = keyof typeof exportsByName;

/** A file for `setInputFiles`. */
export function exportFile(name: ExportName) {
  return {
    name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(regeditBytes(exportsByName[name])),
  };
}

/** Every .reg file the e2e tests open at every screen size: the byte-exact fixtures of
 * test/fixtures and the real corpus (../shared/corpus/reg, read where it lies, never copied). */
export function regFilesOnDisk(): { name: string; path: string }[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const dirs = [join(here, '..', 'fixtures'), corpusPath('reg')];
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.reg'))
      .sort()
      .map((name) => ({ name, path: join(dir, name) })),
  );
}
