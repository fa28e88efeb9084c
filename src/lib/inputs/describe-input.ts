// An input's kind in a few words, for the report's heading line.
import type { InputEncoding, InputFormat } from '../kvp/input-format.ts';

const FORMATS: Record<InputFormat, string> = {
  regedit5: 'regedit 5.00',
  regedit4: 'REGEDIT4',
  'regedit-other': 'another REGEDIT header',
  none: 'registry export',
  'reg-query': 'reg query output',
  'powershell-list': 'PowerShell Get-ItemProperty output',
  'powershell-json': 'PowerShell JSON',
  'kvp-pool': 'Linux pool files',
  'wmi-kvp-items': 'the host’s KVP items (CIM-XML)',
  'host-collector': 'host collector file',
};

const ENCODINGS: Partial<Record<InputEncoding, string>> = { oem: 'OEM code page' };

/** "regedit 5.00, utf-16le", "reg query output, OEM code page", "Linux pool files". */
export function describeInput(format: InputFormat, encoding: InputEncoding): string {
  if (encoding === 'binary') return FORMATS[format];
  return `${FORMATS[format]}, ${ENCODINGS[encoding] ?? encoding}`;
}
