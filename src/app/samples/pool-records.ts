// A hv_kvp_daemon pool file (/var/lib/hyperv/.kvp_pool_N) from its records: each record a
// 512-byte key and a 2,048-byte value, UTF-8, NUL-terminated and NUL-padded, no header (Linux
// include/uapi/linux/hyperv.h, tools/hv/hv_kvp_daemon.c).

const KEY_BYTES = 512;
const VALUE_BYTES = 2048;
const utf8 = new TextEncoder();

function field(out: Uint8Array, at: number, size: number, text: string): void {
  const bytes = utf8.encode(text);
  // One byte is kept for the NUL that ends the field.
  if (bytes.length >= size) throw new Error(`a pool field holds at most ${size - 1} bytes`);
  out.set(bytes, at);
}

/** The file's bytes: one record per [key, value], in order. */
export function poolFile(records: readonly (readonly [string, string])[]): Uint8Array {
  const out = new Uint8Array(records.length * (KEY_BYTES + VALUE_BYTES));
  records.forEach(([key, value], i) => {
    const at = i * (KEY_BYTES + VALUE_BYTES);
    field(out, at, KEY_BYTES, key);
    field(out, at + KEY_BYTES, VALUE_BYTES, value);
  });
  return out;
}
