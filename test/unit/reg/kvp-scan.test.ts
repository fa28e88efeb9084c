import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isKvpKeyPath,
  parseReg,
  parseRegChunks,
  restrictToKvp,
  scanKvp,
  type RegDocument,
} from '../../../src/lib/reg';
import { largeExportBytes } from '../../support/large-export';
import { sharedBufferChunks } from '../../support/shared-buffer';
import { V5, utf16 } from './helpers';
import { keptParts as kept, scanKvpMatches, splitAt as split } from './properties';

const PARAMS = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters';
const CURRENT_VERSION = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
const WOW =
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Virtual Machine\\Guest\\Parameters';

/** A small KVP export, as largeExportBytes places it midway. */
const KVP_SAMPLE = [
  V5,
  '',
  `[${PARAMS}]`,
  '"HostName"="HV-NODE3.contoso.local"',
  '"VirtualMachineName"="web-01"',
  '"HostingSystemOsMajor"=dword:0000000a',
  '',
  `[${CURRENT_VERSION}]`,
  '"CurrentBuild"="20348"',
  '"UBR"=dword:00000a3c',
  '',
].join('\r\n');

function splitAt(bytes: Uint8Array, ...cuts: number[]): Uint8Array[] {
  return split(bytes, cuts);
}

/** scanKvp of the whole buffer equals the full parse restricted to the kept keys. */
function checkBuffer(bytes: Uint8Array): RegDocument {
  const fast = scanKvp(bytes);
  expect(kept(fast)).toEqual(kept(restrictToKvp(parseReg(bytes))));
  return fast;
}

/** The same for chunks, against the full chunked parse (the same for UTF-16LE, see chunks.ts). */
async function checkChunks(chunks: Uint8Array[]): Promise<void> {
  expect(kept(await scanKvp(chunks))).toEqual(kept(restrictToKvp(await parseRegChunks(chunks))));
}

describe('isKvpKeyPath', () => {
  it('takes Virtual Machine subtrees and CurrentVersion itself', () => {
    expect(isKvpKeyPath(PARAMS)).toBe(true);
    expect(isKvpKeyPath('HKEY_LOCAL_MACHINE\\SOFTWARE\\microsoft\\virtual machine\\Auto')).toBe(
      true,
    );
    expect(isKvpKeyPath(CURRENT_VERSION)).toBe(true);
    expect(isKvpKeyPath(`${CURRENT_VERSION}\\Fonts`)).toBe(false);
    expect(isKvpKeyPath('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows')).toBe(false);
  });
  it('takes look-alikes anywhere, in any case, with or without the space', () => {
    expect(isKvpKeyPath(WOW)).toBe(true);
    expect(isKvpKeyPath('HKEY_CURRENT_USER\\Software\\Microsoft\\Virtual Machine\\Guest')).toBe(
      true,
    );
    expect(isKvpKeyPath('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\VirtualMachine\\Guest')).toBe(
      true,
    );
    expect(isKvpKeyPath('HKEY_USERS\\S-1-5-18\\VIRTUAL MACHINE')).toBe(true);
    expect(isKvpKeyPath('HKEY_LOCAL_MACHINE\\SOFTWARE\\Virtual\\Machine')).toBe(false);
  });
});

describe('scanKvp equals the full parse restricted to the kept keys', () => {
  it('on a generated export (buffer and 64 KB chunks)', async () => {
    const bytes = largeExportBytes(300_000, KVP_SAMPLE);
    const fast = checkBuffer(bytes);
    expect(fast.keys.map((k) => k.path)).toEqual([PARAMS, CURRENT_VERSION]);
    expect(fast.keys[0]?.values.map((v) => v.name)).toEqual([
      'HostName',
      'VirtualMachineName',
      'HostingSystemOsMajor',
    ]);
    const chunks = [];
    for (let i = 0; i < bytes.length; i += 65_536) chunks.push(bytes.subarray(i, i + 65_536));
    await checkChunks(chunks);
  });
  it.each([
    [
      'a swallowed KVP key line (X9)',
      ['[HKEY_CURRENT_USER\\A]', '"a"=hex:01,\\', '', `[${PARAMS}]`, '"x"="lost"'],
      0,
    ],
    [
      'a swallowed key line after a continuation ending in a ;comment',
      ['[HKEY_CURRENT_USER\\A]', '"a"=hex:01,\\ ;more', ';c', `[${PARAMS}]`, '"x"="lost"'],
      0,
    ],
    [
      'a key line after backslashes that cannot continue (paths, escapes)',
      ['[HKEY_CURRENT_USER\\A\\B]', '"p"="C:\\\\x\\\\"', `[${PARAMS}]`, '"x"="kept"'],
      1,
    ],
    [
      'a swallowed key line ending a KVP block',
      [`[${PARAMS}]`, '"a"=hex(2):41,00,\\', '[HKEY_CURRENT_USER\\B]', '"b"="kept in KVP"'],
      1,
    ],
    [
      'a deleted parent',
      [
        `[${PARAMS}]`,
        '"a"="1"',
        '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft]',
        '[HKEY_CURRENT_USER\\C]',
      ],
      1,
    ],
    [
      'a deleted then recreated KVP key',
      [`[-${PARAMS}]`, '"z"="ignored"', `  [${PARAMS.toLowerCase()}] ;c`, '"y"=dword:2'],
      1,
    ],
    ['a block cut off at the end', [`[${PARAMS}]`, '"a"=hex:01,02,\\'], 1],
    ['a missing ] inside a block', [`[${PARAMS}]`, '[HKEY_CURRENT_USER\\D', '"d"=dword:4'], 1],
    ['lone CR line breaks', [`[${PARAMS}]\r"cr"="1"\r[HKEY_CURRENT_USER\\E]\r"e"="2"`], 1],
    ['LF line breaks', [`[${PARAMS}]\n"lf"="1"\n[HKEY_CURRENT_USER\\E]\n"e"="2"`], 1],
    [
      'non-ASCII key lines (İ and the Kelvin sign lowercase to ASCII)',
      [
        '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\VİRTUAL MACHİNE\\\u212a]',
        '"i"="not kept"',
        `[${PARAMS}\\Größe]`,
        '"g"="kept"',
      ],
      1,
    ],
    [
      '"[" inside data and after blanks',
      [
        '"[x"="[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine]"',
        `\t [${PARAMS}]`,
        '"a"="[b]"',
        '[HKEY_CURRENT_USER\\F]',
      ],
      1,
    ],
  ] as const)('%s', async (_, lines, count) => {
    const bytes = utf16([V5, '', ...lines].join('\r\n'));
    expect(checkBuffer(bytes).keys).toHaveLength(count);
    await checkChunks(splitAt(bytes, 41));
  });
  it('for 8-bit files (parsed whole, then cut down)', async () => {
    const bytes = new TextEncoder().encode(
      `REGEDIT4\n[${PARAMS}]\n"a"="b"\n[HKEY_CURRENT_USER\\X]\n[-HKEY_LOCAL_MACHINE\\SOFTWARE]\n`,
    );
    expect(checkBuffer(bytes).keys[0]?.deleted).toBe(true);
    await checkChunks(splitAt(bytes, 3, 20));
  });
  it('for an odd number of bytes (the last one reads as U+FFFD)', async () => {
    const whole = utf16([V5, `[${PARAMS}]`, '"a"="b'].join('\r\n'));
    const bytes = whole.subarray(0, whole.length - 1);
    checkBuffer(bytes);
    await checkChunks(splitAt(bytes, bytes.length - 1));
  });
  it('for a Windows 3.1 file in UTF-16LE (parsed whole)', async () => {
    const bytes = utf16('REGEDIT\r\nHKEY_CLASSES_ROOT\\VirtualMachine = x\r\n');
    expect(checkBuffer(bytes).keys).toHaveLength(1);
    await checkChunks(splitAt(bytes, 5));
    await checkChunks(splitAt(bytes, 30));
  });
});

describe('scanKvp keeps what the analyzer needs (the gaps of the first version)', () => {
  const doc = async (lines: string[]) => {
    const bytes = utf16([V5, '', ...lines, ''].join('\r\n'));
    const fast = checkBuffer(bytes);
    expect(kept(await scanKvp(splitAt(bytes, 100)))).toEqual(kept(fast));
    return fast;
  };
  it.each([
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft',
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine',
    'HKLM\\SOFTWARE',
  ])('a deletion of the ancestor [-%s] marks Guest\\Parameters deleted', async (ancestor) => {
    const fast = await doc([
      `[${PARAMS}]`,
      '"HostName"="h"',
      '',
      '[HKEY_CURRENT_USER\\Other]',
      `[-${ancestor}]`,
    ]);
    const params = fast.keys.find((k) => k.path === PARAMS);
    expect([params?.deleted, params?.values.length]).toEqual([true, 0]);
    expect(fast.ops.map((op) => op.op)).toEqual(['key', 'value', 'deleteKey']);
  });
  it('keeps no deletion that deletes no kept key', async () => {
    const fast = await doc([
      `[${PARAMS}]`,
      '"HostName"="h"',
      '[-HKEY_CURRENT_USER\\Other]',
      '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual]', // a sibling's prefix, not a parent
      '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes]',
    ]);
    expect(fast.ops.map((op) => op.op)).toEqual(['key', 'value']);
    expect(fast.keys[0]?.deleted).toBeUndefined();
  });
  it('keeps a deletion above a key the analysis reads even when the file never writes that key', async () => {
    // The analysis then says the file deletes Guest\Parameters, as after a full parse.
    const fast = await doc(['[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft]', `[${CURRENT_VERSION}]`]);
    expect(fast.ops.map((op) => [op.op, op.line])).toEqual([
      ['deleteKey', 3],
      ['key', 4],
    ]);
  });
  it('keeps look-alike keys with their values', async () => {
    const fast = await doc([
      `[${WOW}]`,
      '"HostName"="wow"',
      '[HKEY_CURRENT_USER\\Software\\Microsoft\\Virtual Machine\\Guest\\Parameters]',
      '"HostName"="hkcu"',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\virtualmachine\\Guest]',
      '"x"=dword:1',
      '[HKEY_CURRENT_USER\\Unrelated]',
      '"y"=dword:2',
    ]);
    expect(fast.keys.map((k) => [k.path, k.values.length])).toEqual([
      [WOW, 1],
      ['HKEY_CURRENT_USER\\Software\\Microsoft\\Virtual Machine\\Guest\\Parameters', 1],
      ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\virtualmachine\\Guest', 1],
    ]);
  });
});

describe('scanKvp on chunks split anywhere', () => {
  // Around a key line and its CRLFs: a skipped block, a kept one, a deletion, a continuation.
  const text = [
    V5,
    '',
    '[HKEY_CURRENT_USER\\Skip]',
    '"s"=hex:01,02,\\',
    '  03',
    '',
    `  [${PARAMS}]`,
    '"HostName"="h"\r\r\n"n"=dword:7',
    '[HKEY_CURRENT_USER\\After]\r',
    '"v"="x"',
    '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft]',
    '',
  ].join('\r\n');
  const bytes = utf16(text);
  const whole = kept(scanKvp(bytes));

  it('the test file holds what it should', () => {
    expect(whole.keys.map((k) => [k.path, k.deleted])).toEqual([[PARAMS, true]]);
    expect(whole.ops.map((op) => op.line)).toEqual([7, 8, 10, 14]);
  });
  it('equals the whole-buffer scan for every single split point', async () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(kept(await scanKvp(splitAt(bytes, cut))), `cut at ${cut}`).toEqual(whole);
    }
  });
  it('equals it for every pair of split points around the KVP key line', async () => {
    const at = 2 * text.indexOf(`  [${PARAMS}]`);
    for (let a = at - 8; a < at + 24; a++) {
      for (let b = a; b < at + 24; b++) {
        expect(kept(await scanKvp(splitAt(bytes, a, b))), `cuts ${a}, ${b}`).toEqual(whole);
      }
    }
  });
  it('reads one-byte chunks from an async source', async () => {
    async function* source() {
      for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
    }
    expect(kept(await scanKvp(source()))).toEqual(whole);
  });
  it('reads chunks that share one buffer, each overwritten by the next', async () => {
    // Cut inside the header too: the chunks held until it is read must be copies.
    const inputs = [
      bytes,
      new TextEncoder().encode(text.replace(/^\uFEFF/, '')),
      utf16(text.replace(V5, 'REGEDIT')),
    ];
    for (const input of inputs) {
      for (const size of [3, 5, 64, 1000]) {
        expect(kept(await scanKvp(sharedBufferChunks(input, size))), `${size}`).toEqual(
          kept(scanKvp(input)),
        );
      }
    }
  });
  it('stops reading after a header that is not a registry export', async () => {
    let read = 0;
    function* source() {
      const head = utf16('not a registry file\r\n');
      read++;
      yield head;
      read++;
      yield utf16(`[${PARAMS}]\r\n`, false);
      read++;
    }
    expect((await scanKvp(source())).format).toBe('none');
    expect(read).toBe(1);
  });
  it.each([
    ['UTF-16LE with a BOM', (chunk: number) => (chunk === 0 ? [0xff, 0xfe, 0x4e, 0] : [0x4e, 0])],
    ['UTF-8', () => [0x4e]],
    ['zero bytes', () => [0]],
  ])(
    'stops within a chunk of a first line that never ends (%s) and says what it starts with',
    async (_name, unit) => {
      let chunks = 0;
      function* endless() {
        for (; chunks < 1000; chunks++) {
          const pattern = unit(chunks);
          yield Uint8Array.from({ length: 1 << 16 }, (_, i) => pattern[i % pattern.length] ?? 0);
        }
      }
      const doc = await scanKvp(endless());
      expect(doc.format).toBe('none');
      expect(chunks).toBeLessThanOrEqual(2);
      const message = doc.diagnostics.find((d) => d.severity === 'error')?.message ?? '';
      expect(message).toMatch(/^not a registry export: .* but it is ".{60}…"$/u);
    },
  );
  it('reads on through a first line that may still become a header', async () => {
    const spaces = ' '.repeat(100_000);
    const doc = await scanKvp(splitAt(utf16(`${spaces}${V5}\r\n[${PARAMS}]\r\n"A"="1"\r\n`), 4096));
    expect(doc.format).toBe('regedit5');
    expect(doc.keys.map((k) => k.path)).toEqual([PARAMS]);
  });
});

describe('scanKvp property (fast-check)', () => {
  it('whole buffers and any chunking give the full parse restricted to the kept keys', async () => {
    await fc.assert(scanKvpMatches, { numRuns: 1_000 });
  });
});
