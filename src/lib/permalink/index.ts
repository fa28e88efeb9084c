// The permalink library: KvpSnapshot ⇄ URL fragment. Pure TypeScript (browser, worker, CLI).
export { decodePermalink, encodePermalink, type EncodeOptions } from './permalink.ts';
export { PermalinkError, type PermalinkErrorKind } from './permalink-error.ts';
export {
  LinkTooLargeError,
  MAX_ENTRIES,
  MAX_INFLATED_BYTES,
  MAX_VALUES_PER_KEY,
  type LinkLimit,
} from './link-limits.ts';
export { redactSnapshot } from './redact.ts';
export { describeLinkContents, type LinkContentRow } from './link-contents.ts';
