// The analysis is the same whichever way the file was read: the page's full parse, the worker's
// and the CLI's fast path (scanKvp), whole or in chunks — check by check, verdict by verdict.
// Shared with test/fuzz/reg.fuzz.ts.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { parseReg, scanKvp } from '../../../src/lib/reg/index.ts';
import { analyze } from '../../../src/lib/rules/index.ts';
import type { RegDocument } from '../../../src/lib/reg/types.ts';
import { utf16leBytes } from '../../support/utf16.ts';
import { splitAt } from '../reg/properties.ts';

const VM = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine';

/** Keys the analysis reads, keys it flags as look-alikes, and keys it must ignore. */
const keyLine = fc.constantFrom(
  `[${VM}\\Guest\\Parameters]`,
  `[${VM.toLowerCase()}\\guest\\parameters]`,
  `[${VM}\\Auto]`,
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]',
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Guest\\Parameters]',
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Virtual Machine\\Guest\\Parameters]',
  '[HKEY_CURRENT_USER\\Software\\Microsoft\\Virtual Machine\\Guest\\Parameters]',
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\VirtualMachine\\Parameters]',
  `[${VM}\\Guest\\Parameters\\Sub]`,
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Guest\\ParameterSet]',
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Other]',
  `[-${VM}\\Guest\\Parameters]`,
  '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Guest]',
  '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft]',
);

const name = fc.constantFrom(
  'HostingSystemOsMajor',
  'HostingSystemOsMinor',
  'hostingsystemosminor',
  'HostingSystemEditionId',
  'HostSystemOSMajor',
  'VirtualMachineName',
  'VirtualMachineId',
  'PhysicalHostName',
  'OSMajorVersion',
  'OSMinorVersion',
  'OSVersion',
  'OSBuildNumber',
  'ProductType',
  'CurrentVersion',
  'CurrentBuild',
  'CurrentMajorVersionNumber',
  'InstallationType',
  'Other',
);

const data = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map((n) => `dword:${n.toString(16).padStart(8, '0')}`),
  fc.constantFrom(
    '"6"',
    '"10"',
    '"0"',
    '"3"',
    '"6.1.7601"',
    '"19045"',
    '"Client"',
    '"x"',
    'hex:01,02',
    '-',
  ),
);

const valueLine = fc.tuple(name, data).map(([n, d]) => `"${n}"=${d}`);

/** A UTF-16LE export of KVP-ish keys and values, with split points. */
export const analysedExport: fc.Arbitrary<{ bytes: Uint8Array; cuts: number[] }> = fc
  .tuple(
    fc.array(fc.oneof({ weight: 1, arbitrary: keyLine }, { weight: 3, arbitrary: valueLine }), {
      maxLength: 30,
    }),
    fc.array(fc.nat(), { maxLength: 3 }),
  )
  .map(([lines, cuts]) => {
    const bytes = utf16leBytes(
      ['Windows Registry Editor Version 5.00', ...lines].join('\r\n'),
      true,
    );
    return { bytes, cuts: cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b) };
  });

/** What a reader sees of an analysis: every check's words and evidence, and every verdict. */
function seen(doc: RegDocument) {
  const result = analyze(doc);
  return {
    checks: result.checks.map(({ id, status, messageId, message, evidence }) => ({
      id,
      status,
      messageId,
      message,
      evidence,
    })),
    verdicts: result.verdicts,
  };
}

export async function analysisAgrees(bytes: Uint8Array, cuts: readonly number[]): Promise<void> {
  const full = seen(parseReg(bytes));
  const fast = seen(scanKvp(bytes));
  if (!isDeepStrictEqual(fast, full)) {
    throw new Error(
      `analyze(scanKvp) differs from analyze(parseReg):\n${JSON.stringify({ fast, full })}`,
    );
  }
  const chunked = seen(await scanKvp(splitAt(bytes, cuts)));
  if (!isDeepStrictEqual(chunked, full)) {
    throw new Error(
      `analyze(scanKvp(chunks at ${cuts.join(', ')})) differs from analyze(parseReg)`,
    );
  }
}

export const analysisMatches = fc.asyncProperty(analysedExport, ({ bytes, cuts }) =>
  analysisAgrees(bytes, cuts),
);
