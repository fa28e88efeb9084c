// What every reader of link bytes throws when the bytes do not hold what the format says, so the
// public API can turn exactly these (and nothing it does not expect) into "this link is damaged".

export class PayloadError extends Error {
  override name = 'PayloadError';
}
