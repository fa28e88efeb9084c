import { describe, expect, it } from 'vitest';
import { BinaryReader } from '../../../src/lib/permalink/binary-reader.ts';
import { BinaryWriter } from '../../../src/lib/permalink/binary-writer.ts';
import { PayloadError } from '../../../src/lib/permalink/payload-error.ts';

function written(fill: (w: BinaryWriter) => void): Uint8Array {
  const writer = new BinaryWriter();
  fill(writer);
  return writer.finish();
}

describe('BinaryWriter → BinaryReader', () => {
  it('reads back bytes, varints, signed numbers, blobs and text in order', () => {
    const bytes = written((w) => {
      w.byte(7);
      w.varint(300);
      w.signed(-5);
      w.blob(Uint8Array.from([1, 2, 3]));
      w.text('Hyper-V “KVP” ✓ 😀');
      w.text('lone \uD800 surrogate');
      w.text('\uFEFFleading BOM');
    });
    const reader = new BinaryReader(bytes);
    expect(reader.byte()).toBe(7);
    expect(reader.varint()).toBe(300);
    expect(reader.signed()).toBe(-5);
    expect(reader.blob()).toEqual(Uint8Array.from([1, 2, 3]));
    expect(reader.text()).toBe('Hyper-V “KVP” ✓ 😀');
    expect(reader.text()).toBe('lone \uD800 surrogate');
    expect(reader.text()).toBe('\uFEFFleading BOM');
    expect(() => reader.end()).not.toThrow();
  });
});

describe('BinaryReader bounds', () => {
  const overruns: [string, number[], (r: BinaryReader) => unknown][] = [
    ['a byte past the end', [], (r) => r.byte()],
    ['a blob longer than the data', [5, 1, 2], (r) => r.blob()],
    ['raw bytes past the end', [1, 2], (r) => r.raw(3)],
    ['text longer than the data', [20, 0x41], (r) => r.text()],
    ['UTF-16 text with an odd byte count', [3, 0x41], (r) => r.text()],
    ['text that is not UTF-8', [4, 0xc3, 0x28], (r) => r.text()],
    ['a count larger than the data', [200, 1], (r) => r.count()],
    ['bytes after the end', [1], (r) => r.end()],
  ];
  it.each(overruns)('throws PayloadError for %s', (_why, bytes, read) => {
    const reader = new BinaryReader(Uint8Array.from(bytes));
    expect(() => read(reader)).toThrow(PayloadError);
  });

  it('accepts a count that fits the bytes left', () => {
    expect(new BinaryReader(Uint8Array.from([2, 9, 9])).count()).toBe(2);
  });
});
