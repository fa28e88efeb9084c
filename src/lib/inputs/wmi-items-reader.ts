// The host's view of a guest: the Msvm_KvpExchangeDataItem instances PowerShell prints for a
// VM's GuestIntrinsicExchangeItems (wmi-items.ts reads them). They are the guest's Auto values as
// the host sees them (kvp-reference.md §2: Source 2, "GuestIntrinsicExchangeItems"); the host's
// items never carry Guest\Parameters, so that key is not collected.
import { describeLocation, type Locator } from '../kvp/provenance.ts';
import { assembleSnapshot } from '../kvp/snapshot.ts';
import type { InputReader } from './input-reader.ts';
import { itemFacts, notesOnLines } from './item-facts.ts';
import { TEXT_WHOLE_BYTES } from './text-guest.ts';
import { decodeText, numberedLines, splitLines } from './text-input.ts';
import { looksLikeKvpItems, readKvpItems } from './wmi-items.ts';

/** Source 2: automatically populated by the guest (Msvm_KvpExchangeDataItem). */
const INTRINSIC = 2;
const ITEMS: Locator = { kind: 'item', list: 'GuestIntrinsicExchangeItems' };

export const wmiItemsReader: InputReader = {
  kind: 'list of the host’s KVP items',
  accepts: (head) => looksLikeKvpItems(head.text),
  wholeUpTo: TEXT_WHOLE_BYTES,
  readWhole(input) {
    const decoded = decodeText(input.bytes, 'windows-1252');
    const read = readKvpItems(decoded.text);
    if (read.items.length === 0) {
      // Text that only mentions the class (documentation, a script): nothing to report on.
      const why = read.diagnostics.find((d) => d.severity === 'error')?.message;
      return {
        error: `This text names Msvm_KvpExchangeDataItem but holds no item that could be read${why ? `: ${why}` : '.'}`,
      };
    }
    // Items pushed by programs in the guest (Source 1) or by the host are not the guest's own.
    const intrinsic = read.items.filter((i) => i.source === null || i.source === INTRINSIC);
    const other = read.items.length - intrinsic.length;
    const lineOfItem = new Map(read.items.map((i) => [i.item, i.line]));
    const notes = notesOnLines(read.diagnostics, (at) => {
      const match = /^(item|line) (\d+)$/.exec(at);
      if (!match) return undefined;
      return match[1] === 'line' ? Number(match[2]) : lineOfItem.get(Number(match[2]));
    });
    if (other > 0) {
      notes.push({
        line: 0,
        severity: 'info',
        message:
          other === 1
            ? "One item is not one of the guest's intrinsic items (its Source is not 2: it is of GuestExchangeItems or the host's own); it is shown in the text but not read as an Auto value."
            : `${other} items are not the guest's intrinsic items (their Source is not 2: they are of GuestExchangeItems or the host's own); they are shown in the text but not read as Auto values.`,
      });
    }
    const facts = itemFacts(
      { format: 'wmi-kvp-items', encoding: decoded.encoding },
      {
        auto: {
          locator: ITEMS,
          items: intrinsic.map((i) => ({ name: i.name, data: i.data, at: i.item })),
        },
      },
    );
    return {
      guests: [
        {
          name: input.name,
          format: 'wmi-kvp-items',
          encoding: decoded.encoding,
          diagnostics: notes,
          snapshot: assembleSnapshot(facts),
          source: input.source ? numberedLines(splitLines(decoded.text)) : [],
          places: read.items.map((i) => ({ place: describeLocation(i.item, ITEMS), line: i.line })),
          partial: false,
          origin: 'file',
        },
      ],
    };
  },
};
