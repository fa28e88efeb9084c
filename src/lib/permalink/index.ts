// The permalink library: KvpSnapshot ⇄ URL fragment. Pure TypeScript (browser, worker, CLI).
export { decodePermalink, encodePermalink, type EncodeOptions } from './permalink.ts';
export { PermalinkError, type PermalinkErrorKind } from './permalink-error.ts';
export { redactSnapshot } from './redact.ts';
export { describeLinkContents, type LinkContentRow } from './link-contents.ts';
