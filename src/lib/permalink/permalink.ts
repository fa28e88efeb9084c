// KvpSnapshot ⇄ "#v1.<base64url>": the what-if and the file's facts (never the file itself),
// schema-encoded, deflate-raw compressed, in the URL fragment (which browsers never send to a server).
import { assembleSnapshot, snapshotFacts, type KvpSnapshot } from '../kvp/snapshot.ts';
import { fromBase64url, toBase64url } from './base64url.ts';
import { deflateRaw, inflateRaw } from './compression.ts';
import { CURRENT_LINK_VERSION, LINK_DECODERS, encodeLinkFacts } from './ladder.ts';
import {
  LinkLimitError,
  LinkTooLargeError,
  MAX_FRAGMENT_CHARS,
  checkLinkLimits,
  limitSentence,
  type LinkLimit,
} from './link-limits.ts';
import { PayloadError } from './payload-error.ts';
import { PermalinkError } from './permalink-error.ts';
import { redactSnapshot } from './redact.ts';

const LINK_FRAGMENT = /^v([0-9]+)\.(.*)$/s;

export const MESSAGES = {
  notALink:
    'This is not a KVP Analyzer link: its address should end in “#v1.” followed by letters, digits, “-” and “_”.',
  damaged: 'This link is damaged: it was cut short or changed. Ask for the link again.',
  newer: (version: string) =>
    `This link was made by a newer version of KVP Analyzer (v${version}); this page reads ${readable()} links. Open it with the newer version, or ask for a link made with this one.`,
  tooLarge: (limit: LinkLimit) =>
    `This link is larger than KVP Analyzer makes them: ${limitSentence(limit)}. Ask for the exported .reg file instead.`,
};

function readable(): string {
  return [...LINK_DECODERS.keys()].map((v) => `v${v}`).join(', ');
}

export interface EncodeOptions {
  /** Replace host names, the VM name and ID and the guest's addresses by placeholders. */
  redact?: boolean;
}

/**
 * The fragment, "#v1.…", for a snapshot; its what-if is `snapshot.given`. Throws LinkTooLargeError
 * for a snapshot over a limit of link-limits.ts, found while the payload is written.
 */
export async function encodePermalink(
  snapshot: KvpSnapshot,
  options: EncodeOptions = {},
): Promise<string> {
  const shared = options.redact ? redactSnapshot(snapshot) : snapshot;
  let link: { version: number; payload: Uint8Array };
  try {
    const facts = snapshotFacts(shared);
    // The counts first, so that the message names the key that holds too many values.
    checkLinkLimits(facts);
    link = encodeLinkFacts(facts);
    // Every link made must also open: the payload is read back as a link's would be.
    LINK_DECODERS.get(link.version)?.(link.payload);
  } catch (error) {
    if (error instanceof LinkLimitError) throw new LinkTooLargeError(error.limit);
    if (!(error instanceof PayloadError)) throw error;
    // Only a snapshot made by hand, not one of a file, gets here.
    throw new RangeError(`no file gives this snapshot, so no link may carry it: ${error.message}`, {
      cause: error,
    });
  }
  return `#v${link.version}.${toBase64url(await deflateRaw(link.payload))}`;
}

/** The fragment of a whole URL, of "#v1.…", or of "v1.…". */
function fragmentOf(input: string): string {
  const text = input.trim();
  const hash = text.indexOf('#');
  return hash === -1 ? text : text.slice(hash + 1);
}

/**
 * The snapshot a link carries, rebuilt exactly as the page that made it had it. Throws only
 * PermalinkError — whatever the input — with a message for the person who opened the link.
 */
export async function decodePermalink(input: string): Promise<KvpSnapshot> {
  const match = typeof input === 'string' ? LINK_FRAGMENT.exec(fragmentOf(input)) : null;
  if (!match) throw new PermalinkError('not-a-link', MESSAGES.notALink);
  const versionText = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  const body = match[2] ?? '';
  const version = Number(versionText);
  const decode = LINK_DECODERS.get(version);
  if (!decode) {
    if (version > CURRENT_LINK_VERSION) {
      throw new PermalinkError('newer-version', MESSAGES.newer(versionText));
    }
    throw new PermalinkError('damaged', MESSAGES.damaged);
  }
  try {
    // Far beyond any real link (chat apps cut at ~2000 characters): bounds the work a paste causes.
    if (body.length > MAX_FRAGMENT_CHARS) throw new LinkLimitError({ kind: 'characters' });
    return assembleSnapshot(decode(inflateRaw(fromBase64url(body))));
  } catch (error) {
    if (error instanceof LinkLimitError) {
      throw new PermalinkError('too-large', MESSAGES.tooLarge(error.limit), { cause: error });
    }
    // Only PayloadError is expected; anything else is still a link this page cannot read.
    throw new PermalinkError('damaged', MESSAGES.damaged, { cause: error });
  }
}
