// Counting work instead of timing it: wrappers that count what the code under test does while
// `run` runs — characters lowercased or compared, calls of a method — and put everything back.

/** Characters passed through String.prototype.toLowerCase and startsWith during `run`. */
export async function stringWork<T>(
  run: () => T | Promise<T>,
): Promise<{ value: T; chars: number }> {
  const { toLowerCase, startsWith } = String.prototype;
  let chars = 0;
  String.prototype.toLowerCase = function (this: string) {
    chars += this.length;
    return toLowerCase.call(this);
  };
  String.prototype.startsWith = function (this: string, search: string, position?: number) {
    chars += Math.min(this.length, String(search).length);
    return startsWith.call(this, search, position);
  };
  try {
    return { value: await run(), chars };
  } finally {
    String.prototype.toLowerCase = toLowerCase;
    String.prototype.startsWith = startsWith;
  }
}

/** Calls of `owner[method]` during `run`. */
export async function calls<O extends object, T>(
  owner: O,
  method: keyof O & string,
  run: () => T | Promise<T>,
): Promise<{ value: T; calls: number }> {
  const original = owner[method] as unknown as (...args: unknown[]) => unknown;
  let count = 0;
  (owner as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  try {
    return { value: await run(), calls: count };
  } finally {
    (owner as Record<string, unknown>)[method] = original;
  }
}

/**
 * Bytes copied by Uint8Array set / copyWithin, and units passed over by Uint16Array's native
 * searches (indexOf up to its hit, lastIndexOf back to its hit), during `run`.
 */
export async function typedArrayWork<T>(
  run: () => T | Promise<T>,
): Promise<{ value: T; copied: number; searched: number }> {
  const { set, copyWithin } = Uint8Array.prototype;
  const { indexOf, lastIndexOf } = Uint16Array.prototype;
  let copied = 0;
  let searched = 0;
  Uint8Array.prototype.set = function (
    this: Uint8Array,
    source: ArrayLike<number>,
    offset?: number,
  ) {
    copied += source.length;
    set.call(this, source, offset);
  };
  Uint8Array.prototype.copyWithin = function (
    this: Uint8Array,
    target: number,
    start: number,
    end?: number,
  ) {
    copied += (end ?? this.length) - start;
    return copyWithin.call(this, target, start, end);
  };
  Uint16Array.prototype.indexOf = function (this: Uint16Array, unit: number, from = 0) {
    const at = indexOf.call(this, unit, from);
    searched += (at === -1 ? this.length : at + 1) - from;
    return at;
  };
  Uint16Array.prototype.lastIndexOf = function (this: Uint16Array, unit: number, from?: number) {
    const at =
      from === undefined ? lastIndexOf.call(this, unit) : lastIndexOf.call(this, unit, from);
    searched += (from ?? this.length - 1) - at;
    return at;
  };
  try {
    return { value: await run(), copied, searched };
  } finally {
    Uint8Array.prototype.set = set;
    Uint8Array.prototype.copyWithin = copyWithin;
    Uint16Array.prototype.indexOf = indexOf;
    Uint16Array.prototype.lastIndexOf = lastIndexOf;
  }
}
