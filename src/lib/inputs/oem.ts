// The console's OEM code page, as `reg query` writes redirected output from cmd.exe
// (reg-format.md §4: WideCharToMultiByte(GetConsoleOutputCP())). Code page 437 (US) is read here;
// 850 (Western Europe) agrees with it on ASCII and on most accented letters (0x80–0xA5), other
// OEM pages (866, 932, …) do not: the reader says so where such bytes occur.
import { decodeSingleByte } from '../reg/decode.ts';

/** 0x80–0xFF of code page 437 (https://learn.microsoft.com/windows/win32/intl/code-page-identifiers). */
const CP437_HIGH = Array.from(
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  (c) => c.charCodeAt(0),
);

/** Bytes in code page 437. */
export function decodeOem(bytes: Uint8Array): string {
  return decodeSingleByte(bytes, CP437_HIGH);
}
