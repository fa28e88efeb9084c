// Hex data as regedit and reg export write it (reg-format.md §2.8), for test inputs built by hand
// rather than by the serializer under test: bytes as "hh," after `prefix` (`"name"=hex(2):`), and
// once a line reaches 77 columns, ",\" and a continuation line indented by two spaces.

export function wrappedHex(prefix: string, bytes: ArrayLike<number>): string {
  let out = prefix;
  let column = prefix.length;
  for (let i = 0; i < bytes.length; i++) {
    out += (bytes[i] ?? 0).toString(16).padStart(2, '0');
    if (i === bytes.length - 1) break;
    out += ',';
    column += 3;
    if (column >= 77) {
      out += '\\\r\n  ';
      column = 2;
    }
  }
  return out;
}
