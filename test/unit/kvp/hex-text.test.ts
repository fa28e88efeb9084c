// Binary values as text: a crafted value of megabytes keeps the text of its first bytes only,
// says how long it is, is shown shortened, and never travels in a link.
import { describe, expect, it } from 'vitest';
import { HEX_KEPT_BYTES, commaHex, hexByteCount, shownHex } from '../../../src/lib/kvp/hex-text.ts';
import { buildSnapshot, snapshotValue } from '../../../src/lib/kvp/snapshot.ts';
import { LinkTooLargeError, encodePermalink } from '../../../src/lib/permalink/index.ts';
import { analyze } from '../../../src/lib/rules/index.ts';
import { PARAMETERS, V5, parseLines } from './reg-text.ts';

describe('commaHex and hexByteCount', () => {
  it.each([
    [[], ''],
    [[0], '00'],
    [[0x0a, 0xff, 0x10], '0a,ff,10'],
  ])('%j → "%s", and back to its count', (bytes, text) => {
    expect(commaHex(Uint8Array.from(bytes))).toBe(text);
    expect(hexByteCount(text)).toBe(bytes.length);
  });

  it('writes out only the bytes asked for', () => {
    expect(commaHex(Uint8Array.from([1, 2, 3, 4]), 2)).toBe('01,02');
  });
});

describe('shownHex', () => {
  it('shows a short value whole, a long one as its first bytes and its length', () => {
    expect(shownHex({ hex: '01,02' })).toBe('01,02');
    const hex = commaHex(new Uint8Array(100).fill(0xab));
    expect(shownHex({ hex }, 4)).toBe('ab,ab,ab,ab,… (100 bytes)');
    expect(shownHex({ hex: 'ab,ab', size: 3_000_000 }, 1)).toBe('ab,… (3,000,000 bytes)');
  });
});

describe('a binary value of 2 MiB in Guest\\Parameters', () => {
  const size = 2 * 1024 * 1024;
  const hexData = `hex:${'7f,'.repeat(size - 1)}7f`;
  const snapshot = buildSnapshot(
    parseLines([V5, PARAMETERS, `"HostingSystemOsMajor"=hex(4):${hexData.slice(4)}`]),
  );
  const value = snapshotValue(snapshot.parameters, 'HostingSystemOsMajor');

  it('keeps the text of its first bytes only, and its length', () => {
    expect(value?.size).toBe(size);
    expect(value?.hex?.length).toBe(HEX_KEPT_BYTES * 3 - 1);
  });

  it('is counted in full where its length matters, and shown shortened as evidence', () => {
    expect(value?.number).toEqual({ ok: false, why: `REG_DWORD with ${size} bytes instead of 4` });
    const result = analyze(snapshot);
    const evidence = result.checks
      .flatMap((check) => check.evidence)
      .filter((item) => item.name === 'HostingSystemOsMajor');
    expect(evidence.length).toBeGreaterThan(0);
    for (const item of evidence) expect(item.actual.length).toBeLessThan(300);
    expect(evidence[0]?.actual).toContain(`… (${size.toLocaleString('en-US')} bytes)`);
  });

  it('makes no link: a link carries 1 MiB at most', async () => {
    await expect(encodePermalink(snapshot)).rejects.toBeInstanceOf(LinkTooLargeError);
  });
});
