// Who the snapshot names — hosts, the VM, the guest's own name and addresses — replaced by stable
// placeholders, so a link can be shared without them. Everything else stays, and the placeholders
// keep what the checks compare: each distinct DNS label (case-insensitively) becomes one
// placeholder label in the same case style, so the first label of PhysicalHostNameFullyQualified
// still equals PhysicalHostName exactly when it did; a GUID VirtualMachineId stays a GUID of the
// same text form (braces or not). Only the text of kvp-host-names' message and the evidence of
// kvp-host-names and kvp-virtual-machine-id change; no status and no verdict outcome does.
// A value is redacted under its name's near misses too ("HostName " with a trailing blank,
// "H\u043EstName" with a Cyrillic о, "Host\u200BName"): Windows reads them as other values, but
// their data names the same host.
import { imitatedName } from '../kvp/look-alike-names.ts';
import {
  assembleSnapshot,
  snapshotFacts,
  type KeyFactsInFile,
  type KvpSnapshot,
  type ValueFacts,
} from '../kvp/snapshot.ts';
import { redactParts } from './redact-parts.ts';

const HOST_NAMES = ['HostName', 'PhysicalHostName', 'PhysicalHostNameFullyQualified'];
const GUEST_NAMES = ['FullyQualifiedDomainName'];
const ADDRESSES = ['NetworkAddressIPv4', 'NetworkAddressIPv6', 'RDPAddressIPv4', 'RDPAddressIPv6'];
const VM_NAME = 'VirtualMachineName';
const VM_ID = 'VirtualMachineId';
const IDENTIFYING = [...HOST_NAMES, ...GUEST_NAMES, VM_NAME, VM_ID, ...ADDRESSES];
const IDENTIFYING_BY_LOWER = new Map(IDENTIFYING.map((name) => [name.toLowerCase(), name]));

/** The identifying name a value's name is (in any case), or that it imitates; else undefined. */
function identifyingName(name: string): string | undefined {
  return IDENTIFYING_BY_LOWER.get(name.toLowerCase()) ?? imitatedName(name, IDENTIFYING)?.imitates;
}

/** The n-th redacted VM ID: a well-formed GUID in digits only, so it has no case to keep. */
function placeholderGuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

// As kvp-virtual-machine-id reads it: any case, braces are a finding of their own.
const GUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The documentation ranges (RFC 5737, RFC 3849): addresses that belong to no one.
const IPV4_RANGES = ['192.0.2', '198.51.100', '203.0.113'];

function placeholderAddress(item: string, n: number): string {
  if (item.includes(':')) return `2001:db8::${n.toString(16)}`;
  // 762 distinct addresses before they repeat; no check reads them.
  const index = (n - 1) % (IPV4_RANGES.length * 254);
  return `${IPV4_RANGES[Math.floor(index / 254)]}.${(index % 254) + 1}`;
}

type CaseStyle = 'upper' | 'lower' | 'title';

function caseStyle(label: string): CaseStyle {
  if (label === label.toLowerCase()) return 'lower';
  if (label === label.toUpperCase()) return 'upper';
  return 'title';
}

function styled(placeholder: string, style: CaseStyle): string {
  if (style === 'upper') return placeholder.toUpperCase();
  if (style === 'title') return placeholder.charAt(0).toUpperCase() + placeholder.slice(1);
  return placeholder;
}

/** Distinct things (compared case-insensitively) → numbered placeholders, in order of first use. */
class Placeholders {
  readonly #assigned = new Map<string, string>();
  readonly #counts = new Map<string, number>();

  get(thing: string, make: (n: number) => string, counter = ''): string {
    const key = thing.toLowerCase();
    let placeholder = this.#assigned.get(key);
    if (placeholder === undefined) {
      const n = (this.#counts.get(counter) ?? 0) + 1;
      this.#counts.set(counter, n);
      placeholder = make(n);
      this.#assigned.set(key, placeholder);
    }
    return placeholder;
  }
}

/** Text of a value, one string at a time (MULTI_SZ items too); other data is left to the caller. */
function mapText(value: ValueFacts, map: (text: string) => string): ValueFacts {
  const { data } = value;
  if (typeof data === 'string') return { ...value, data: map(data) };
  if (Array.isArray(data)) return { ...value, data: data.map(map) };
  // The bytes of a binary value could spell the name: keep only their length.
  if (data === null) return { ...value, bytes: new Uint8Array(value.bytes?.length ?? 0) };
  return value;
}

function textsOf(key: KeyFactsInFile, names: readonly string[]): string[] {
  return key.values
    .filter((v) => names.includes(identifyingName(v.name) ?? ''))
    .flatMap((v) => (typeof v.data === 'string' ? [v.data] : Array.isArray(v.data) ? v.data : []));
}

/** DNS labels → placeholders; a top-level label is kept when it is never anything else. */
class DnsNames {
  readonly #placeholders = new Placeholders();
  readonly #keep: Set<string>;

  constructor(names: readonly string[]) {
    const lastOnly = new Set<string>();
    const elsewhere = new Set<string>();
    for (const name of names) {
      const labels = name.toLowerCase().split('.');
      labels.forEach((label, i) => {
        if (i > 0 && i === labels.length - 1) lastOnly.add(label);
        else elsewhere.add(label);
      });
    }
    this.#keep = new Set([...lastOnly].filter((label) => !elsewhere.has(label)));
  }

  /** `role` names the first label: "host" or "guest"; later labels are "domain". */
  redact(name: string, role: string): string {
    return name
      .split('.')
      .map((label, i) => {
        if (label === '' || this.#keep.has(label.toLowerCase())) return label;
        const prefix = i === 0 ? role : 'domain';
        const placeholder = this.#placeholders.get(label, (n) => `${prefix}${n}`, prefix);
        // Same label, same placeholder: its case follows this spelling.
        return styled(placeholder.toLowerCase(), caseStyle(label));
      })
      .join('.');
  }
}

function redactVmId(text: string, ids: Placeholders): string {
  if (text === '') return text;
  if (GUID_TEXT.test(text)) return ids.get(text, placeholderGuid, 'guid');
  if (/^\{.*\}$/.test(text) && GUID_TEXT.test(text.slice(1, -1))) {
    return ids.get(text, (n) => `{${placeholderGuid(n)}}`, 'guid');
  }
  // Not a GUID before, not a GUID after: kvp-virtual-machine-id keeps its finding.
  return ids.get(text, (n) => `VMID${n}`, 'text');
}

/**
 * Azure names its VMs by a lower-case GUID, which host-platform reads as a sign of Azure: such a
 * name stays a lower-case GUID (apart from the VM IDs' placeholders); any other becomes VM<n>.
 */
function redactVmName(text: string, names: Placeholders): string {
  if (text === '') return text;
  if (GUID_TEXT.test(text) && text === text.toLowerCase()) {
    return names.get(text, (n) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`, 'guid');
  }
  return names.get(text, (n) => `VM${n}`);
}

/** The snapshot with identifying values replaced; its what-if and every other value unchanged. */
export function redactSnapshot(snapshot: KvpSnapshot): KvpSnapshot {
  const facts = snapshotFacts(snapshot);
  const dns = new DnsNames([
    ...textsOf(facts.parameters, HOST_NAMES),
    ...textsOf(facts.auto, GUEST_NAMES),
  ]);
  const addresses = new Placeholders();
  const vmIds = new Placeholders();
  const vmNames = new Placeholders();

  const redactValue = (value: ValueFacts): ValueFacts => {
    const name = identifyingName(value.name);
    if (name === undefined) return value;
    if (HOST_NAMES.includes(name)) return mapText(value, (t) => dns.redact(t, 'host'));
    if (GUEST_NAMES.includes(name)) return mapText(value, (t) => dns.redact(t, 'guest'));
    if (name === VM_NAME) return mapText(value, (t) => redactVmName(t, vmNames));
    if (name === VM_ID) return mapText(value, (t) => redactVmId(t, vmIds));
    // The rest of IDENTIFYING: the addresses.
    return mapText(value, (list) =>
      list
        .split(';')
        .map((item) =>
          item.trim() === ''
            ? item
            : addresses.get(
                item,
                (n) => placeholderAddress(item, n),
                item.includes(':') ? 'IPv6' : 'IPv4',
              ),
        )
        .join(';'),
    );
  };
  const redactKey = (key: KeyFactsInFile): KeyFactsInFile => ({
    ...key,
    values: key.values.map(redactValue),
  });
  const keys = { parameters: redactKey(facts.parameters), auto: redactKey(facts.auto) };
  return assembleSnapshot({ ...facts, ...keys, ...redactParts(facts, redactValue, keys) });
}
