// Generators of the hostile inputs of issue #11: .reg exports (UTF-16LE with a BOM and CRLF, as
// regedit writes them) and link payloads built with the encoder's own layout. Deterministic, and
// shared by the hostile table, the growth bench and the fuzz run. Sizes are parameters: the
// tests count work on them, the bench times them at n and 4n.
import type { KeyFactsInFile, SnapshotFacts, ValueFacts } from '../../../src/lib/kvp/snapshot.ts';
import { AUTO_PATH, CURRENT_VERSION_PATH, PARAMETERS_PATH } from '../../../src/lib/kvp/paths.ts';
import { toBase64url } from '../../../src/lib/permalink/base64url.ts';
import { deflateRaw } from '../../../src/lib/permalink/compression.ts';
import { utf16leBytes } from '../../support/utf16.ts';

export const V5 = 'Windows Registry Editor Version 5.00';
const VM = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine';
export const PARAMETERS = `${VM}\\Guest\\Parameters`;

/** An export of `lines` after the header, as regedit writes it. */
export function regExport(lines: readonly string[]): Uint8Array {
  return utf16leBytes(`${[V5, '', ...lines].join('\r\n')}\r\n`, true);
}

/** Guest\Parameters with its host name, the key a file of the table is analysed for. */
const HOST = [`[${PARAMETERS}]`, '"HostName"="HV-NODE3"'];

/** `n` keys under Guest\Parameters, each deleted (`[-…\K1]` …): every deletion a new key. */
export function keyDeletions(n: number): Uint8Array {
  const lines = [...HOST];
  for (let i = 0; i < n; i++) lines.push(`[-${PARAMETERS}\\K${i}]`);
  return regExport(lines);
}

/** `n` kept keys, then `n` deletions of keys the KVP scan does not keep. */
export function deletionsAfterKeptKeys(n: number): Uint8Array {
  const lines = [...HOST];
  for (let i = 0; i < n; i++) lines.push(`[${VM}\\K${i}]`);
  for (let i = 0; i < n; i++) lines.push(`[-HKEY_CURRENT_USER\\Software\\X${i}]`);
  return regExport(lines);
}

/**
 * `n` deletions ending in a backslash: every line may leave a hex continuation open for the next
 * (reg-format.md §2.4), so the scanner must look back over them.
 */
export function deletionsThatMayContinue(n: number): Uint8Array {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`[-HKEY_CURRENT_USER\\X${i}]\\`);
  return regExport([...lines, ...HOST]);
}

/** HostName written `n` times: `[…]` then `"HostName"="host-1"` … `"HostName"="host-n"`. */
export function rewrites(n: number): Uint8Array {
  const lines = [`[${PARAMETERS}]`];
  for (let i = 1; i <= n; i++) lines.push(`"HostName"="host-${i}"`);
  return regExport(lines);
}

/** `n` distinct values in Guest\Parameters, after its real ones. */
export function manyValues(n: number): Uint8Array {
  const lines = [...HOST, '"HostingSystemOsMajor"=dword:0000000a'];
  for (let i = 0; i < n; i++)
    lines.push(`"Value${i}"=dword:${(i >>> 0).toString(16).padStart(8, '0')}`);
  return regExport(lines);
}

/** HostName as one REG_SZ of `chars` characters. */
export function hugeValue(chars: number): Uint8Array {
  return regExport([`[${PARAMETERS}]`, `"HostName"="${'h'.repeat(chars)}"`]);
}

/** A REG_SZ of `chars` characters in a key the analysis skips, then one as HostName. */
export function hugeLines(chars: number): Uint8Array {
  return regExport([
    '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]',
    `"Notes"="${'n'.repeat(chars)}"`,
    '',
    `[${PARAMETERS}]`,
    `"HostName"="${'h'.repeat(chars)}"`,
  ]);
}

/** Facts with Guest\Parameters holding `values` and the other keys absent. */
export function factsWith(
  values: ValueFacts[],
  extra: Partial<KeyFactsInFile> = {},
): SnapshotFacts {
  const absent = (path: string) => ({ state: 'absent' as const, path, line: null, values: [] });
  return {
    input: { format: 'regedit5', encoding: 'utf-16le' },
    parameters: { state: 'present', path: PARAMETERS_PATH, line: 3, values, ...extra },
    auto: absent(AUTO_PATH),
    currentVersion: absent(CURRENT_VERSION_PATH),
    lookAlikes: [],
    given: {},
  };
}

/** `n` DWORD values named v0 … v(n−1) on lines 4 … — the usual value costs few bytes. */
export function dwordValues(n: number): ValueFacts[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `v${i}`,
    type: 4,
    data: i & 0x7f,
    line: 4 + i,
  }));
}

/**
 * `n` values as small as the layout allows — one byte each past name and flags: HostName
 * again and again on consecutive lines (no file gives that; a crafted link can).
 */
export function oneByteValues(n: number): ValueFacts[] {
  return Array.from({ length: n }, (_, i) => ({ name: 'HostName', type: 4, data: 0, line: 4 + i }));
}

/** The link of `payload`, deflated as encodePermalink does. */
export async function linkOfPayload(payload: Uint8Array): Promise<string> {
  return `#v1.${toBase64url(await deflateRaw(payload))}`;
}
