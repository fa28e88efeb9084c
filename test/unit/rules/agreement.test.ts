import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysisAgrees, analysisMatches } from './agreement.ts';
import { utf16leBytes } from '../../support/utf16.ts';

describe('one answer on every path', () => {
  it('analyze(scanKvp(bytes)) equals analyze(parseReg(bytes)), check by check (1,000 runs)', async () => {
    await fc.assert(analysisMatches, { numRuns: 1_000 });
  }, 60_000);

  it('holds for the look-alike the fast path used to miss: HKLM\\SOFTWARE\\Microsoft\\Guest\\Parameters', async () => {
    const text = [
      'Windows Registry Editor Version 5.00',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Guest\\Parameters]',
      '"HostingSystemOsMajor"=dword:0000000a',
    ].join('\r\n');
    await expect(analysisAgrees(utf16leBytes(text, true), [7])).resolves.toBeUndefined();
  });
});
