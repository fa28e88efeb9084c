// The redaction of what only some inputs carry: the Linux pool files, the host and the VM of a
// host collector file. Values are redacted by their names as in Guest\Parameters and Auto (the
// same placeholders), and free text — cloud-init's reports, the guest's own items, the
// collector's errors — has every identifying text, GUID and IPv4 address the link would name
// replaced by its placeholder.
import type { HostFacts, VmFacts } from '../kvp/host-view.ts';
import type { LinuxPools } from '../kvp/linux-pools.ts';
import type { SnapshotFacts, ValueFacts } from '../kvp/snapshot.ts';
import { REG_SZ } from '../reg/data.ts';

const GUID = /\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?/;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/;
const WHOLE_GUID = new RegExp(`^${GUID.source}$`, 'i');
const WHOLE_IPV4 = new RegExp(`^${IPV4.source}$`);

type RedactValue = (value: ValueFacts) => ValueFacts;

/** A text value's redaction, as redactSnapshot redacts a value of that name. */
function byName(redact: RedactValue, name: string, text: string): string {
  const out = redact({ name, type: REG_SZ, data: text, line: 0 }).data;
  return typeof out === 'string' ? out : text;
}

/** Replaces, in free text, what the redaction replaces elsewhere. */
class Scrubber {
  readonly #known = new Map<string, string>();
  /** The patterns of replace, for known texts alone and with GUIDs and addresses; made on use. */
  #patterns: { known: RegExp | null; any: RegExp } | null = null;

  constructor(private readonly redact: RedactValue) {}

  /** Remembers a text the redaction changed, to replace wherever it appears. */
  learn(original: string, redacted: string): void {
    if (original !== redacted && original.length >= 3) {
      this.#known.set(original, redacted);
      this.#patterns = null;
    }
  }

  /** The texts learnt, replaced (longest first: a host's FQDN before its first label). */
  known(text: string): string {
    return this.replace(text, false);
  }

  /** The texts learnt, and any other GUID and IPv4 address. */
  scrub(text: string): string {
    return this.replace(text, true);
  }

  /** One pass, so that no placeholder (a GUID itself) is replaced again. */
  private replace(text: string, any: boolean): string {
    if (!this.#patterns) {
      const known = [...this.#known.keys()]
        .sort((a, b) => b.length - a.length)
        .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      this.#patterns = {
        known: known.length > 0 ? new RegExp(known.join('|'), 'g') : null,
        any: new RegExp([...known, GUID.source, IPV4.source].join('|'), 'gi'),
      };
    }
    const pattern = any ? this.#patterns.any : this.#patterns.known;
    if (!pattern) return text;
    return text.replace(pattern, (match) => {
      const learnt = this.#known.get(match);
      if (learnt !== undefined) return learnt;
      if (WHOLE_GUID.test(match)) return byName(this.redact, 'VirtualMachineId', match);
      if (WHOLE_IPV4.test(match)) return byName(this.redact, 'NetworkAddressIPv4', match);
      return match;
    });
  }

  /** A value redacted by its name, and learnt. */
  named(name: string, text: string): string {
    const out = byName(this.redact, name, text);
    this.learn(text, out);
    return out;
  }
}

function redactLinux(linux: LinuxPools, scrubber: Scrubber): LinuxPools {
  return {
    ...linux,
    pools: linux.pools.map((pool) => ({
      ...pool,
      records: pool.records.map((record) => ({
        ...record,
        // Pools 2 and 3 hold the values Auto and Guest\Parameters name; the others free text.
        value:
          pool.pool === 2 || pool.pool === 3
            ? scrubber.named(record.key, record.value)
            : scrubber.scrub(record.value),
        key: pool.pool === 2 || pool.pool === 3 ? record.key : scrubber.scrub(record.key),
      })),
    })),
  };
}

function redactHost(host: HostFacts, scrubber: Scrubber): HostFacts {
  return { ...host, name: scrubber.named('PhysicalHostName', host.name) };
}

function redactVm(vm: VmFacts, scrubber: Scrubber): VmFacts {
  const name = scrubber.named('VirtualMachineName', vm.name);
  const id = scrubber.named('VirtualMachineId', vm.id);
  const out: VmFacts = {
    ...vm,
    name,
    id,
    // "Microsoft:<VM id>\\<service id>": the service's own GUID names no one, and tells the
    // service in any language, so only the VM's is replaced.
    integrationServices: vm.integrationServices.map((service) =>
      service.id === undefined ? service : { ...service, id: scrubber.known(service.id) },
    ),
    errors: vm.errors.map((error) => scrubber.scrub(error)),
  };
  if (vm.guestItems) {
    out.guestItems = vm.guestItems.map((item) => ({ ...item, data: scrubber.scrub(item.data) }));
  }
  return out;
}

/**
 * The parts of `facts` redacted with `redact` (redactSnapshot's redaction of one value, by its
 * name); `redacted` holds Guest\Parameters and Auto redacted, so that what changed there is
 * replaced in the parts' free text too.
 */
export function redactParts(
  facts: SnapshotFacts,
  redact: RedactValue,
  redacted: Pick<SnapshotFacts, 'parameters' | 'auto'>,
): Pick<SnapshotFacts, 'linux' | 'host' | 'vm'> {
  const scrubber = new Scrubber(redact);
  for (const key of ['parameters', 'auto'] as const) {
    facts[key].values.forEach((value, i) => {
      const after = redacted[key].values[i]?.data;
      if (typeof value.data === 'string' && typeof after === 'string')
        scrubber.learn(value.data, after);
    });
  }
  return {
    ...(facts.host ? { host: redactHost(facts.host, scrubber) } : {}),
    ...(facts.vm ? { vm: redactVm(facts.vm, scrubber) } : {}),
    ...(facts.linux ? { linux: redactLinux(facts.linux, scrubber) } : {}),
  };
}
