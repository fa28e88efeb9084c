// Appends bytes, varints and length-prefixed text; the mirror of BinaryReader. Stops at a limit
// while writing: a snapshot holding a 128 MB value is refused when the value would pass it, not
// after a payload of 128 MB is built (which V8 could not even hold as an array of numbers).
import { LinkLimitError, MAX_INFLATED_BYTES } from './link-limits.ts';
import { utf16leBytes, isWellFormed } from './utf16.ts';
import { varintBytes, zigzag } from './varint.ts';

const utf8 = new TextEncoder();

export class BinaryWriter {
  #bytes = new Uint8Array(256);
  #length = 0;
  readonly #limit: number;

  /** Throws LinkLimitError (kind 'bytes') when the output would pass `limit` bytes. */
  constructor(limit: number = MAX_INFLATED_BYTES) {
    this.#limit = limit;
  }

  /** Room for `n` more bytes, within the limit. */
  #reserve(n: number): void {
    const needed = this.#length + n;
    if (needed > this.#limit) throw new LinkLimitError({ kind: 'bytes' });
    if (needed <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.min(this.#limit, Math.max(needed, 2 * this.#bytes.length)));
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
  }

  byte(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xff) {
      throw new RangeError(`not a byte: ${value}`);
    }
    this.#reserve(1);
    this.#bytes[this.#length++] = value;
  }

  varint(value: number): void {
    this.raw(varintBytes(value));
  }

  /** A signed integer, zigzag-coded. */
  signed(value: number): void {
    this.varint(zigzag(value));
  }

  raw(bytes: ArrayLike<number>): void {
    this.#reserve(bytes.length);
    this.#bytes.set(bytes, this.#length);
    this.#length += bytes.length;
  }

  /** Length-prefixed bytes. */
  blob(bytes: Uint8Array): void {
    this.varint(bytes.length);
    this.raw(bytes);
  }

  /**
   * Text as varint(length × 2 + form) and its bytes: form 0 is UTF-8, form 1 is UTF-16LE code
   * units for text with a lone surrogate.
   */
  text(value: string): void {
    // Either form takes at least a byte per code unit: text past the limit is never encoded.
    this.#reserve(value.length);
    const wellFormed = isWellFormed(value);
    const bytes = wellFormed ? utf8.encode(value) : utf16leBytes(value);
    this.varint(bytes.length * 2 + (wellFormed ? 0 : 1));
    this.raw(bytes);
  }

  finish(): Uint8Array {
    return this.#bytes.slice(0, this.#length);
  }
}
