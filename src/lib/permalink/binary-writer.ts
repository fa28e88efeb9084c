// Appends bytes, varints and length-prefixed text; the mirror of BinaryReader.
import { utf16leBytes, isWellFormed } from './utf16.ts';
import { varintBytes, zigzag } from './varint.ts';

const utf8 = new TextEncoder();

export class BinaryWriter {
  #bytes: number[] = [];

  byte(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xff) {
      throw new RangeError(`not a byte: ${value}`);
    }
    this.#bytes.push(value);
  }

  varint(value: number): void {
    this.#bytes.push(...varintBytes(value));
  }

  /** A signed integer, zigzag-coded. */
  signed(value: number): void {
    this.varint(zigzag(value));
  }

  raw(bytes: Uint8Array): void {
    for (const byte of bytes) this.#bytes.push(byte);
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
    const wellFormed = isWellFormed(value);
    const bytes = wellFormed ? utf8.encode(value) : utf16leBytes(value);
    this.varint(bytes.length * 2 + (wellFormed ? 0 : 1));
    this.raw(bytes);
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.#bytes);
  }
}
