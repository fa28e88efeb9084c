// How much one link may carry. Far beyond any real snapshot (a host writes 16 values into
// Guest\Parameters, the guest about 25 into Auto), and small enough that whatever a link holds
// can be shown in full: the encoder refuses more, and the decoder refuses a link claiming more
// before it reads or allocates anything for it.
import type { KeyFactsInFile, SnapshotFacts } from '../kvp/snapshot.ts';
import { PayloadError } from './payload-error.ts';

/** The payload, inflated. */
export const MAX_INFLATED_BYTES = 1024 * 1024;
/** The link's text after "#v1.": far beyond what a payload of MAX_INFLATED_BYTES deflates to. */
export const MAX_FRAGMENT_CHARS = 2 * 1024 * 1024;
/** Values and deleted values of one key (Guest\Parameters, Auto, CurrentVersion, a look-alike). */
export const MAX_VALUES_PER_KEY = 1000;
/** Everything named in a link: values, deleted values, earlier writes, look-alike keys. */
export const MAX_ENTRIES = 10_000;

/** A count as the sentences write it; made on use, not when the module loads (ICU's start costs ~7 ms). */
const figure = (n: number) => n.toLocaleString('en-US');

export type LinkLimit =
  | { kind: 'characters' }
  | { kind: 'bytes' }
  | { kind: 'values'; key: string; count: number }
  | { kind: 'entries' };

/** The limit in a sentence an administrator understands (no period, it is part of one). */
export function limitSentence(limit: LinkLimit): string {
  switch (limit.kind) {
    case 'characters':
      return `it is longer than ${figure(MAX_FRAGMENT_CHARS)} characters, the most a link carries`;
    case 'bytes':
      return `it takes more than ${figure(MAX_INFLATED_BYTES)} bytes (1 MiB) uncompressed, the most a link carries`;
    case 'values':
      return `${limit.key} holds ${figure(limit.count)} values, and a link carries at most ${figure(MAX_VALUES_PER_KEY)} per key (a Hyper-V host writes 16 into Guest\\Parameters)`;
    case 'entries':
      return `it names more than ${figure(MAX_ENTRIES)} values, earlier writes and look-alike keys, the most a link carries`;
  }
}

/** A payload over one of the limits, met while writing or reading it. */
export class LinkLimitError extends PayloadError {
  override name = 'LinkLimitError';
  readonly limit: LinkLimit;

  constructor(limit: LinkLimit) {
    super(limitSentence(limit));
    this.limit = limit;
  }
}

/** Thrown by encodePermalink for a snapshot over a limit: the message says which, and what to do. */
export class LinkTooLargeError extends Error {
  override name = 'LinkTooLargeError';
  readonly limit: LinkLimit;

  constructor(limit: LinkLimit) {
    super(
      `This analysis is too large for a link: ${limitSentence(limit)}. Share the exported .reg file instead.`,
    );
    this.limit = limit;
  }
}

/** How a message names the three keys of a snapshot, in the order a payload holds them. */
export const KEY_LABELS = ['Guest\\Parameters', 'Auto', 'CurrentVersion'] as const;

/**
 * Counts what a link names, in the order a payload holds it, and throws LinkLimitError at the
 * first limit passed: the decoder as it reads each count, the encoder before it writes.
 */
export class LinkBudget {
  #entries = 0;

  /** `count` more entries; of `key`'s values when it is given, after `before` of them. */
  take(count: number, key?: string, before = 0): void {
    if (key !== undefined && before + count > MAX_VALUES_PER_KEY) {
      throw new LinkLimitError({ kind: 'values', key, count: before + count });
    }
    this.#entries += count;
    if (this.#entries > MAX_ENTRIES) throw new LinkLimitError({ kind: 'entries' });
  }
}

/** Throws LinkLimitError when `facts` name more than a link carries (see LinkBudget). */
export function checkLinkLimits(facts: SnapshotFacts): void {
  const budget = new LinkBudget();
  const keys: [string, KeyFactsInFile][] = [
    [KEY_LABELS[0], facts.parameters],
    [KEY_LABELS[1], facts.auto],
    [KEY_LABELS[2], facts.currentVersion],
  ];
  for (const [label, key] of keys) {
    budget.take(key.values.length, label);
    for (const value of key.values) if (value.writes) budget.take(value.writes.length);
    if (key.deletedValues) budget.take(key.deletedValues.length, label, key.values.length);
  }
  budget.take(facts.lookAlikes.length);
  for (const key of facts.lookAlikes) budget.take(key.values.length, key.path);
}
