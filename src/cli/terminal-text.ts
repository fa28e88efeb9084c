// Text for a terminal's fixed columns: data escaped (forTerminal) and cut to a width; counts in
// words.
import { forTerminal } from '../lib/text/index.ts';

/** `text` escaped and cut to `width` characters with … (its end kept when `keepEnd`), padded. */
export function fit(text: string, width: number, keepEnd = false): string {
  // Escaping at most lengthens the text: the part that can be shown is cut first.
  const shown = Array.from(
    forTerminal(keepEnd ? text.slice(-4 * width) : text.slice(0, 4 * width)),
  );
  if (shown.length <= width) return shown.join('').padEnd(width);
  if (width <= 0) return '';
  return keepEnd
    ? `…${shown.slice(shown.length - width + 1).join('')}`
    : `${shown.slice(0, width - 1).join('')}…`;
}

/** "1 guest", "1,250 guests". */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/**
 * `text` escaped and broken at spaces into lines of at most `width` characters; a word longer
 * than a line is cut into pieces. Nothing is left out.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let length = 0;
  for (const word of forTerminal(text).split(' ')) {
    const chars = Array.from(word);
    if (length > 0 && length + 1 + chars.length > width) {
      lines.push(line);
      line = '';
      length = 0;
    }
    if (length > 0) {
      line += ' ';
      length++;
    }
    let start = 0;
    while (length + chars.length - start > width) {
      const end = start + width - length;
      lines.push(line + chars.slice(start, end).join(''));
      line = '';
      length = 0;
      start = end;
    }
    line += chars.slice(start).join('');
    length += chars.length - start;
  }
  lines.push(line);
  return lines;
}
