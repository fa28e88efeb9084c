// Reads what BinaryWriter wrote. Every read is bounds-checked and throws PayloadError on any
// overrun, so hostile bytes end in one typed error, never in undefined data or a huge allocation.
import { PayloadError } from './payload-error.ts';
import { utf16leText } from './utf16.ts';
import { readVarint, unzigzag } from './varint.ts';

// fatal: broken UTF-8 is damage, not U+FFFD; ignoreBOM: a leading U+FEFF is part of the text.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class BinaryReader {
  readonly #bytes: Uint8Array;
  #offset = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  get remaining(): number {
    return this.#bytes.length - this.#offset;
  }

  byte(): number {
    const byte = this.#bytes[this.#offset];
    if (byte === undefined) throw new PayloadError('the data ends too early');
    this.#offset++;
    return byte;
  }

  varint(): number {
    const { value, next } = readVarint(this.#bytes, this.#offset);
    this.#offset = next;
    return value;
  }

  signed(): number {
    return unzigzag(this.varint());
  }

  /**
   * A count of items that take at least `minBytes` each: never more than the bytes left can
   * hold, so that nothing is allocated for items a payload only claims.
   */
  count(minBytes = 1): number {
    const count = this.varint();
    if (count * minBytes > this.remaining)
      throw new PayloadError('a count is larger than the data');
    return count;
  }

  raw(length: number): Uint8Array {
    if (length > this.remaining) throw new PayloadError('the data ends too early');
    const out = this.#bytes.slice(this.#offset, this.#offset + length);
    this.#offset += length;
    return out;
  }

  blob(): Uint8Array {
    return this.raw(this.varint());
  }

  text(): string {
    const header = this.varint();
    const utf16 = header % 2 === 1;
    const bytes = this.raw((header - (utf16 ? 1 : 0)) / 2);
    if (utf16) {
      if (bytes.length % 2 !== 0) throw new PayloadError('UTF-16 text with an odd byte count');
      return utf16leText(bytes);
    }
    try {
      return utf8.decode(bytes);
    } catch (error) {
      throw new PayloadError('text that is not UTF-8', { cause: error });
    }
  }

  /** Checks that nothing follows: extra bytes mean the data is not what it claims to be. */
  end(): void {
    if (this.remaining !== 0) throw new PayloadError('unexpected bytes after the end');
  }
}
