// The one exception decodePermalink throws, with a message meant for the person who opened the link.

export type PermalinkErrorKind = 'not-a-link' | 'damaged' | 'newer-version' | 'too-large';

export class PermalinkError extends Error {
  override name = 'PermalinkError';
  readonly kind: PermalinkErrorKind;

  constructor(kind: PermalinkErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}
