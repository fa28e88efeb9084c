// Real export bytes for the browser tests, written as regedit writes them (UTF-16LE with BOM, CRLF).
import { regeditBytes } from '../../src/app/samples/regedit-bytes.ts';
import { text as host63 } from '../../src/app/samples/host-6-3.ts';
import { text as host100 } from '../../src/app/samples/host-10-0.ts';
import { text as offered } from '../../src/app/samples/offered.ts';

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
