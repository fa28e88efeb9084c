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
