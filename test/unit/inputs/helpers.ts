// Inputs for the readers' tests, as the programs that write them write them: PowerShell 5.1's
// redirection is UTF-16LE with a BOM and CRLF; cmd.exe's is the OEM code page and CRLF.
import { loadBytes } from '../../../src/lib/inputs/load.ts';
import type { LoadedGuest } from '../../../src/lib/inputs/loaded-guest.ts';
import { utf16leBytes } from '../../support/utf16.ts';

/** Lines joined with CRLF, with a final CRLF. */
export function crlf(lines: readonly string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

/** What Windows PowerShell 5.1 writes for `… > file`: UTF-16LE with a BOM. */
export function powershellFile(lines: readonly string[]): Uint8Array {
  return utf16leBytes(crlf(lines), true);
}

/** Code page 437 bytes of text holding ASCII and the few letters a test needs. */
export function cp437(text: string): Uint8Array {
  const high: Record<string, number> = { é: 0x82, ü: 0x81, ä: 0x84, ö: 0x94, Ç: 0x80 };
  return Uint8Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x80) return code;
    const byte = high[c];
    if (byte === undefined) throw new Error(`no code page 437 byte for ${c} in this test helper`);
    return byte;
  });
}

/** The one report the loader gives for an input in memory (throws on an error). */
export function loadOne(name: string, bytes: Uint8Array): LoadedGuest {
  const [result] = loadBytes([{ name, bytes }], { source: true });
  if (!result || 'error' in result)
    throw new Error(`not loaded: ${result && 'error' in result ? result.error : ''}`);
  const [guest] = result.guests;
  if (!guest) throw new Error('no report');
  return guest;
}

/** The loader's error for an input in memory (throws when it loads). */
export function loadError(name: string, bytes: Uint8Array): string {
  const [result] = loadBytes([{ name, bytes }], { source: true });
  if (!result || !('error' in result)) throw new Error('it loaded');
  return result.error;
}

export const VM_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine';
export const PARAMETERS_KEY = `${VM_KEY}\\Guest\\Parameters`;
export const AUTO_KEY = `${VM_KEY}\\Auto`;

/**
 * The text of a host collector file (the shape public/kvp-collector.ps1 writes) for VMs of these
 * names on host HV01 (10.0.20348), each running with the given intrinsic items.
 */
export function collectorText(
  vms: readonly string[],
  items: { name: string; data: string }[],
): string {
  return JSON.stringify({
    kvpAnalyzerCollector: 1,
    host: { name: 'HV01', version: '10.0.20348', build: 20348 },
    vms: vms.map((name) => ({
      name,
      id: '4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d',
      state: 'Running',
      integrationServices: [
        { name: 'Key-Value Pair Exchange', enabled: true, primaryStatus: 'Ok' },
      ],
      guestIntrinsicItems: items,
      errors: [],
    })),
  });
}
