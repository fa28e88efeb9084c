// A shared link, opened: the snapshot it carries, split back into the input's facts and the
// what-if inputs of whoever shared it, so the report and its what-if panel read as they did.
import type { LoadedGuest } from '../../lib/inputs/loaded-guest.ts';
import { resolveSnapshot, type KvpSnapshot, type WhatIf } from '../../lib/kvp/snapshot.ts';

export function loadedFromLink(snapshot: KvpSnapshot): { loaded: LoadedGuest; whatIf: WhatIf } {
  const whatIf: WhatIf = {};
  const { guestOs, hostVersion } = snapshot.given;
  if (guestOs) whatIf.guestOs = `${guestOs.major}.${guestOs.minor}`;
  if (hostVersion) whatIf.hostVersion = `${hostVersion.major}.${hostVersion.minor}`;
  return {
    loaded: {
      name: 'shared link',
      format: snapshot.input.format,
      encoding: snapshot.input.encoding,
      diagnostics: [],
      snapshot: resolveSnapshot({ ...snapshot, given: {} }),
      source: [],
      partial: false,
      origin: 'link',
    },
    whatIf,
  };
}
