// Characters that show as nothing, or that reorder the text around them, in a name or a value:
// "Host\u200BName" looks exactly like "HostName", and U+202E can make "exe.txt" read "txt.exe".
// Sources: the Unicode Character Database, Default_Ignorable_Code_Point in DerivedCoreProperties.txt
// (https://www.unicode.org/Public/UCD/latest/ucd/DerivedCoreProperties.txt); Unicode Standard Annex #9, Unicode Bidirectional
// Algorithm (https://www.unicode.org/reports/tr9/); Unicode Technical Standard #39, Unicode Security
// Mechanisms (https://www.unicode.org/reports/tr39/); "Trojan Source: Invisible Vulnerabilities",
// CVE-2021-42574 (https://trojansource.codes/).

/**
 * Controls (C0, DEL, C1: \p{Cc}); every Default_Ignorable_Code_Point, which Unicode says shows
 * as nothing — U+00AD soft hyphen, U+034F, U+061C Arabic letter mark, U+115F–U+1160, U+17B4–U+17B5,
 * U+180B–U+180F, U+200B–U+200F zero-width space, non-joiner, joiner and the left-to-right and
 * right-to-left marks, U+202A–U+202E bidi embeddings and overrides, U+2060–U+206F word joiner,
 * invisible operators and bidi isolates, U+3164, U+FE00–U+FE0F variation selectors, U+FEFF
 * zero-width no-break space (a byte-order mark inside text), U+FFA0, the tags U+E0000–U+E0FFF;
 * and U+2028–U+2029, line and paragraph separators.
 */
export const INVISIBLE = /[\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029]/gu;

/** "⟨U+200B⟩": how a character that would not show is written out. */
export function codePointLabel(char: string): string {
  return `⟨U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/**
 * The text with every invisible, bidi and control character written out, e.g.
 * `Host⟨U+200B⟩Name`, so that a name or value is shown as it is, not as it looks. For the page and
 * the Markdown report, wherever file or link data is displayed (as text, never as HTML). Linear;
 * text without such characters comes back as it is.
 */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, codePointLabel);
}

/** The text without its invisible, bidi and control characters (what it looks like). */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
