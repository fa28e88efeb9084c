// Value names that look like a known one without being it: "Host\u200BName", "HostNаme" with a
// Cyrillic "а", "ＨｏｓｔＮａｍｅ" in full-width letters, "HostName " with a trailing space. Windows
// compares names exactly (up to case), so it never reads such a value as HostName, while a
// person reading the file sees HostName. Sources: Unicode Technical Standard #39, Unicode
// Security Mechanisms, §4 Confusable Detection (https://www.unicode.org/reports/tr39/), whose
// confusables.txt gives the letters below; Unicode Standard Annex #15, Unicode Normalization
// Forms, NFKC (https://www.unicode.org/reports/tr15/).

/** The letters of other scripts that confusables.txt gives as a Latin letter. */
const CONFUSABLES: ReadonlyMap<string, string> = new Map([
  // Cyrillic
  ...pairs('АA ВB ЕE ЅS ІI ЈJ КK МM НH ОO РP СC ТT УY ХX ҮY ӀI ԚQ ԜW'),
  ...pairs('аa еe ѕs іi јj оo рp сc уy хx һh ӏl ԁd ԛq ԝw'),
  // Greek
  ...pairs('ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX'),
  ...pairs('αa ιi νv οo ρp υu'),
  // Latin letters that are not ASCII
  ...pairs('ıi ȷj ɑa ɡg ɩi'),
]);

function pairs(list: string): [string, string][] {
  return list.split(' ').map((pair) => [pair.charAt(0), pair.charAt(1)]);
}

/** Shows as nothing (Unicode's Default_Ignorable_Code_Point), or a control. */
const IGNORABLE = /^[\p{Cc}\p{Default_Ignorable_Code_Point}]$/u;
/** Blank at either end of a name: invisible in every display of it. */
const BLANK = /^\p{White_Space}$/u;
/** Names that nothing here changes: printable ASCII, not blank at either end. */
const PLAIN_ASCII = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

export interface ImitatedName {
  /** The known name it looks like. */
  imitates: string;
  /** What differs, in file order, e.g. `"о" (U+043E, Cyrillic) for "o"`, `invisible U+200B`. */
  differences: string[];
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function script(char: string): string {
  if (/\p{Script=Cyrillic}/u.test(char)) return ', Cyrillic';
  if (/\p{Script=Greek}/u.test(char)) return ', Greek';
  return '';
}

/** Lowercased known names → the names, per list of known names (built once per list). */
const indexes = new WeakMap<readonly string[], Map<string, string>>();

function indexOf(knownNames: readonly string[]): Map<string, string> {
  let index = indexes.get(knownNames);
  if (!index) {
    index = new Map(knownNames.map((known) => [known.toLowerCase(), known]));
    indexes.set(knownNames, index);
  }
  return index;
}

/**
 * The known name that `name` imitates: one it equals (case-insensitively) only once invisible
 * and bidi characters are removed, blanks at its ends trimmed, and letters folded (NFKC, then
 * the confusable letters of other scripts); null when it equals none, or is a known name itself
 * (a case variant is the same name to Windows). Linear in the name.
 */
export function imitatedName(name: string, knownNames: readonly string[]): ImitatedName | null {
  if (name === '' || PLAIN_ASCII.test(name)) return null;
  const index = indexOf(knownNames);
  if (index.has(name.toLowerCase())) return null;
  const chars = Array.from(name);
  let first = 0;
  let last = chars.length;
  while (first < last && BLANK.test(chars[first] as string)) first++;
  while (last > first && BLANK.test(chars[last - 1] as string)) last--;
  const differences: string[] = [];
  if (first > 0) differences.push(blanks(first, 'start'));
  let folded = '';
  for (let i = first; i < last; i++) {
    const char = chars[i] as string;
    if (IGNORABLE.test(char)) {
      differences.push(`invisible ${codePoint(char)}`);
      continue;
    }
    const latin = CONFUSABLES.get(char) ?? char.normalize('NFKC');
    if (latin !== char)
      differences.push(`"${char}" (${codePoint(char)}${script(char)}) for "${latin}"`);
    folded += latin;
  }
  if (last < chars.length) differences.push(blanks(chars.length - last, 'end'));
  const imitates = index.get(folded.toLowerCase());
  return imitates === undefined ? null : { imitates, differences };
}

function blanks(count: number, where: 'start' | 'end'): string {
  return count === 1 ? `a blank at the ${where}` : `${count} blanks at the ${where}`;
}
