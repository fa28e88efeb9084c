// Lists in results stay bounded whatever the input holds (a crafted file may give a key 150,000
// values): evidence and the names a message lists stop after a few, saying how many more there are.

import type { Evidence } from './types.ts';

/** Evidence items a result keeps at most; the last one says how many more there were. */
export const MAX_EVIDENCE = 50;
/** Names a message lists at most. */
export const MAX_LISTED = 10;

/** The first items of a list, as evidence, and one item counting the rest. */
export function boundedEvidence<T>(
  items: readonly T[],
  toEvidence: (item: T) => Evidence,
): Evidence[] {
  const shown = items.length > MAX_EVIDENCE ? MAX_EVIDENCE - 1 : items.length;
  const evidence: Evidence[] = [];
  for (let i = 0; i < shown; i++) evidence.push(toEvidence(items[i] as T));
  if (shown < items.length) {
    evidence.push({
      name: '…',
      actual: `${(items.length - shown).toLocaleString('en-US')} more`,
      expected: '',
      source: 'not listed here',
      line: null,
    });
  }
  return evidence;
}

/** "a, b, c" or "a, b, … and 12 more". */
export function nameList(names: readonly string[]): string {
  if (names.length <= MAX_LISTED) return names.join(', ');
  const rest = names.length - (MAX_LISTED - 1);
  return `${names.slice(0, MAX_LISTED - 1).join(', ')} and ${rest.toLocaleString('en-US')} more`;
}
