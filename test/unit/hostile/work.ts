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
