// KvpSnapshot ⇄ "#v1.<base64url>": the what-if and the file's facts (never the file itself),
// schema-encoded, deflate-raw compressed, in the URL fragment (which browsers never send to a server).
import { assembleSnapshot, snapshotFacts, type KvpSnapshot } from '../kvp/snapshot.ts';
import { fromBase64url, toBase64url } from './base64url.ts';
import { MAX_INFLATED_BYTES, deflateRaw, inflateRaw } from './compression.ts';
import { CURRENT_LINK_VERSION, LINK_DECODERS, encodeLinkFacts } from './ladder.ts';
import { PayloadError } from './payload-error.ts';
import { PermalinkError } from './permalink-error.ts';
import { redactSnapshot } from './redact.ts';

/** Far beyond any real link (chat apps cut at ~2000 characters); bounds the work a paste can cause. */
const MAX_FRAGMENT_CHARS = 2 * 1024 * 1024;

const LINK_FRAGMENT = /^v([0-9]+)\.(.*)$/s;

export const MESSAGES = {
  notALink:
    'This is not a KVP Analyzer link: its address should end in “#v1.” followed by letters, digits, “-” and “_”.',
  damaged: 'This link is damaged: it was cut short or changed. Ask for the link again.',
  newer: (version: string) =>
    `This link was made by a newer version of KVP Analyzer (v${version}); this page reads ${readable()} links. Open it with the newer version, or ask for a link made with this one.`,
};

function readable(): string {
  return [...LINK_DECODERS.keys()].map((v) => `v${v}`).join(', ');
}

export interface EncodeOptions {
  /** Replace host names, the VM name and ID and the guest's addresses by placeholders. */
  redact?: boolean;
}

/** The fragment, "#v1.…", for a snapshot; its what-if is `snapshot.given`. */
export async function encodePermalink(
  snapshot: KvpSnapshot,
  options: EncodeOptions = {},
): Promise<string> {
  const shared = options.redact ? redactSnapshot(snapshot) : snapshot;
  const { version, payload } = encodeLinkFacts(snapshotFacts(shared));
  // Every link made must also open: the decoder refuses larger payloads.
  if (payload.length > MAX_INFLATED_BYTES) {
    throw new RangeError(`the snapshot is too large for a link (${payload.length} bytes)`);
  }
  return `#v${version}.${toBase64url(await deflateRaw(payload))}`;
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
    if (body.length > MAX_FRAGMENT_CHARS) throw new PayloadError('the link is too long');
    const payload = await inflateRaw(fromBase64url(body));
    return assembleSnapshot(decode(payload));
  } catch (error) {
    // Only PayloadError is expected; anything else is still a link this page cannot read.
    throw new PermalinkError('damaged', MESSAGES.damaged, { cause: error });
  }
}
