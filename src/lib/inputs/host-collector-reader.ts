// A host collector file (public/kvp-collector.ps1, read by host-collector.ts): one report per VM,
// with the host as it describes itself (its exact version: the release is known here) and the VM
// as Hyper-V sees it. The guest's intrinsic items are its Auto values; the host's view carries no
// Guest\Parameters, so that key is not collected.
import type { HostFacts, VmFacts } from '../kvp/host-view.ts';
import { assembleSnapshot } from '../kvp/snapshot.ts';
import type { CollectorFile, CollectorVm } from './host-collector.ts';
import { looksLikeCollector, readCollector } from './host-collector.ts';
import type { InputReader } from './input-reader.ts';
import { itemFacts, notesOnLines } from './item-facts.ts';
import type { LoadedGuest } from './loaded-guest.ts';
import { TEXT_WHOLE_BYTES } from './text-guest.ts';
import { decodeText, numberedLines, splitLines, type SourceLine } from './text-input.ts';

function hostOf(file: CollectorFile): HostFacts {
  return {
    ...file.host,
    ...(file.collectedAt === undefined ? {} : { collectedAt: file.collectedAt }),
  };
}

/** The VM without its intrinsic items (they are the snapshot's Auto). */
function vmOf({ guestIntrinsicItems: _items, disableHostKvpItems, ...rest }: CollectorVm): VmFacts {
  return { ...rest, disableHostKvpItems: disableHostKvpItems ?? null };
}

export const hostCollectorReader: InputReader = {
  kind: 'host collector file',
  accepts: (head) => looksLikeCollector(head.text),
  wholeUpTo: TEXT_WHOLE_BYTES,
  readWhole(input) {
    const decoded = decodeText(input.bytes, 'windows-1252');
    const file = readCollector(decoded.text);
    if ('error' in file) return file;
    if (file.vms.length === 0) {
      const why = file.diagnostics.map((d) => d.message).join(' ');
      return { error: `The collector file lists no virtual machines. ${why}`.trim() };
    }
    // One text for every VM's source view: shared, not copied (a worker posts it once).
    const source: SourceLine[] = input.source ? numberedLines(splitLines(decoded.text)) : [];
    const diagnostics = notesOnLines(file.diagnostics);
    const host = hostOf(file);
    const guests = file.vms.map((vm): LoadedGuest => {
      const facts = itemFacts(
        { format: 'host-collector', encoding: decoded.encoding },
        {
          auto: {
            locator: { kind: 'item', list: 'GuestIntrinsicExchangeItems' },
            items: vm.guestIntrinsicItems.map((item, i) => ({ ...item, at: i + 1 })),
          },
        },
      );
      return {
        name: `${input.name} — ${vm.name}`,
        format: 'host-collector',
        encoding: decoded.encoding,
        diagnostics,
        snapshot: assembleSnapshot({ ...facts, host, vm: vmOf(vm) }),
        source,
        partial: false,
        origin: 'file',
      };
    });
    return { guests };
  },
};
