// The JSON file public/kvp-collector.ps1 writes on a Hyper-V host → the host and each of its VMs.
//
// Format 1 (the script is its definition; every field but the marker may be missing or null):
// {
//   "kvpAnalyzerCollector": 1,
//   "collectedAt": "2026-12-01T09:30:00.0000000Z",
//   "host": { "name", "osName", "version": "10.0.20348", "build": 20348, "editionId": 8,
//             "manufacturer", "model" },
//   "vms": [ { "name", "id", "state": "Running", "generation": 2, "configurationVersion": "10.0",
//              "integrationServices": [ { "name", "id", "enabled", "primaryStatus",
//                  "primaryStatusDescription", "secondaryStatus", "secondaryStatusDescription" } ],
//              "guestIntrinsicItems": [ { "name", "data" } ], "guestItems": [ … ],
//              "disableHostKvpItems": false, "errors": [ "…" ] } ]
// }
// Windows PowerShell 5.1's ConvertTo-Json is read as it writes: a one-element list may come as
// the element alone, a list as { "value": […], "Count": n }, an enum as its number, a [datetime]
// as "\/Date(ms)\/", property names in any case; the file may start with a byte-order mark.
import { count, printable, quoted, type InputDiagnostic } from './input-diagnostic';
import { readKvpItems } from './wmi-items';
import type { HostFacts, IntegrationServiceFacts, VmFacts } from '../kvp/host-view';

/** The host as the file describes it (when it was collected is the file's, not the host's). */
export type CollectorHost = Omit<HostFacts, 'collectedAt'>;

/** A VM as the file describes it: the host's view of it, and the guest's intrinsic items. */
export type CollectorVm = Omit<VmFacts, 'disableHostKvpItems'> & {
  guestIntrinsicItems: { name: string; data: string }[];
  /** Missing where the script could not read it (VmFacts says null). */
  disableHostKvpItems?: boolean | null;
};

export interface CollectorFile {
  version: number;
  collectedAt?: string;
  host: CollectorHost;
  vms: CollectorVm[];
  diagnostics: InputDiagnostic[];
}

const MARKER = 'kvpAnalyzerCollector';
const COLLECTOR_FORMAT = 1;

/**
 * Microsoft.HyperV.PowerShell.VMIntegrationComponentOperationalStatus, the type of
 * Get-VMIntegrationService's Primary/SecondaryOperationalStatus, by number — for files where an
 * enum was written as its number. The WMI values are Microsoft's (learn.microsoft.com
 * Msvm_KvpExchangeComponent, OperationalStatus: OK 2, Degraded 3, Non-Recoverable Error 7,
 * No Contact 12, Lost Communication 13); the names and the other values as the Hyper-V module
 * defines them (as listed by fog/fog-hyperv lib/fog/hyperv/models/compute/integration_service.rb).
 */
const OPERATIONAL_STATUS: Record<number, string> = {
  2: 'Ok',
  3: 'Degraded',
  6: 'Error',
  7: 'NonRecoverableError',
  12: 'NoContact',
  13: 'LostCommunication',
  32775: 'ProtocolMismatch',
  32782: 'ApplicationCritical',
  32783: 'CommunicationTimedOut',
  32784: 'CommunicationFailed',
  32896: 'Disabled',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Each object's property names by their lower case, made on the first lookup that needs it. */
const caseless = new WeakMap<JsonObject, Map<string, string>>();

/** A property by name in any case (PowerShell objects keep the case of their source). */
function prop(o: JsonObject, name: string): Json | undefined {
  if (Object.prototype.hasOwnProperty.call(o, name)) return o[name];
  let names = caseless.get(o);
  if (!names) {
    names = new Map();
    for (const k of Object.keys(o)) {
      const lower = k.toLowerCase();
      if (!names.has(lower)) names.set(lower, k);
    }
    caseless.set(o, names);
  }
  const key = names.get(name.toLowerCase());
  return key === undefined ? undefined : o[key];
}

/** A JSON value shown in a message: short, and never the whole of a deep list. */
function shown(v: Json): string {
  if (Array.isArray(v)) return 'a list';
  if (isObject(v)) return 'an object';
  return quoted(typeof v === 'string' ? v : JSON.stringify(v));
}

/** A list as PowerShell 5.1 may write it: a list, one element alone, {value, Count}, or null. */
function list(v: Json | undefined): Json[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  if (isObject(v)) {
    const keys = Object.keys(v).map((k) => k.toLowerCase());
    const inner = prop(v, 'value');
    if (keys.length === 2 && keys.includes('count') && Array.isArray(inner)) return inner;
  }
  return [v];
}

class Reader {
  readonly diagnostics: InputDiagnostic[] = [];

  constructor(private readonly at: string) {}

  note(severity: InputDiagnostic['severity'], message: string): void {
    this.diagnostics.push({ severity, at: this.at, message });
  }

  /** Text from a string, a number or a boolean; undefined for null or absent. */
  text(v: Json | undefined, what: string): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    this.note('warning', `${what} is not text; it was left out.`);
    return undefined;
  }

  integer(v: Json | undefined, what: string): number | undefined {
    if (v === undefined || v === null || v === '') return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
    if (Number.isSafeInteger(n)) return n;
    this.note('warning', `${what} is ${shown(v)}, not a whole number; it was left out.`);
    return undefined;
  }

  boolean(v: Json | undefined, what: string): boolean | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'True' || v === 'true' || v === 1) return true;
    if (v === 'False' || v === 'false' || v === 0) return false;
    this.note('warning', `${what} is ${shown(v)}, neither true nor false; it was left out.`);
    return undefined;
  }

  /** A list of objects; text in its place ("@{Name=…}") means a too-small ConvertTo-Json -Depth. */
  objects(v: Json | undefined, what: string): JsonObject[] {
    const out: JsonObject[] = [];
    let flattened = 0;
    for (const e of list(v)) {
      if (isObject(e)) out.push(e);
      else if (typeof e === 'string' && !e.trimStart().startsWith('<')) flattened++;
    }
    if (flattened > 0) {
      this.note(
        'warning',
        `${count(flattened)} of the ${what} were written as text instead of objects: the file was written with too small a ConvertTo-Json -Depth (the collector uses 6).`,
      );
    }
    return out;
  }

  /** KVP items: {name, data} objects, or the CIM-XML strings of a script that kept them as they came. */
  items(v: Json | undefined, what: string): { name: string; data: string }[] {
    const out: { name: string; data: string }[] = [];
    for (const e of list(v)) {
      if (typeof e === 'string' && e.trimStart().startsWith('<')) {
        for (const item of readKvpItems(e).items) out.push({ name: item.name, data: item.data });
      }
    }
    for (const o of this.objects(v, what)) {
      const name = this.text(prop(o, 'name'), `A name in the ${what}`);
      if (name === undefined || name === '') {
        this.note('warning', `One of the ${what} has no name; it was left out.`);
        continue;
      }
      out.push({ name, data: this.text(prop(o, 'data'), `The data of ${quoted(name)}`) ?? '' });
    }
    return out;
  }
}

/** "\/Date(1764581400000)\/" (how Windows PowerShell 5.1 writes a [datetime]) → ISO 8601. */
function isoTime(text: string): string {
  const m = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(text);
  if (!m) return text;
  const time = new Date(Number(m[1]));
  return Number.isNaN(time.getTime()) ? text : time.toISOString();
}

function readService(r: Reader, o: JsonObject): IntegrationServiceFacts | null {
  const name = r.text(prop(o, 'name'), 'An integration service name');
  if (name === undefined || name === '') {
    r.note('warning', 'An integration service has no name; it was left out.');
    return null;
  }
  const enabled = r.boolean(prop(o, 'enabled'), `Whether ${quoted(name)} is enabled`);
  if (enabled === undefined) {
    r.note(
      'warning',
      `The file does not say whether ${quoted(name)} is enabled; it was read as disabled.`,
    );
  }
  const service: IntegrationServiceFacts = { name, enabled: enabled ?? false };
  const status = (key: string): string | undefined => {
    const v = prop(o, key);
    if (typeof v === 'number') return OPERATIONAL_STATUS[v] ?? `status ${v}`;
    const t = r.text(v, `The ${key} of ${quoted(name)}`);
    return t === '' ? undefined : t;
  };
  const id = r.text(prop(o, 'id'), `The id of ${quoted(name)}`);
  if (id) service.id = id;
  const primaryDescription = status('primaryStatusDescription');
  const primary = status('primaryStatus') ?? primaryDescription;
  if (primary !== undefined) service.primaryStatus = primary;
  if (primaryDescription !== undefined) service.primaryStatusDescription = primaryDescription;
  const secondary = status('secondaryStatus');
  if (secondary !== undefined) service.secondaryStatus = secondary;
  const secondaryDescription = status('secondaryStatusDescription');
  if (secondaryDescription !== undefined) {
    service.secondaryStatusDescription = secondaryDescription;
  }
  return service;
}

function readVm(o: JsonObject, index: number): { vm: CollectorVm; diagnostics: InputDiagnostic[] } {
  const label =
    typeof prop(o, 'name') === 'string' ? (prop(o, 'name') as string) : `number ${index + 1}`;
  const r = new Reader(`VM ${printable(label)} in the collector file`);
  const name = r.text(prop(o, 'name'), 'The VM name') ?? '';
  if (name === '') r.note('warning', `VM number ${index + 1} has no name.`);
  const stateValue = prop(o, 'state');
  const state = r.text(stateValue, 'The VM state') ?? '';
  if (typeof stateValue === 'number') {
    r.note(
      'info',
      `The state of VM ${quoted(name)} was written as the number ${stateValue}; the collector writes its name (Running, Off, …).`,
    );
  }
  const vm: CollectorVm = {
    name,
    id: r.text(prop(o, 'id'), 'The VM id') ?? '',
    state,
    integrationServices: [],
    guestIntrinsicItems: r.items(prop(o, 'guestIntrinsicItems'), 'guest intrinsic items'),
    errors: [],
    index,
  };
  const generation = r.integer(prop(o, 'generation'), 'The VM generation');
  if (generation !== undefined) vm.generation = generation;
  const version = r.text(prop(o, 'configurationVersion'), 'The configuration version');
  if (version) vm.configurationVersion = version;
  for (const s of r.objects(prop(o, 'integrationServices'), 'integration services')) {
    const service = readService(r, s);
    if (service) vm.integrationServices.push(service);
  }
  const guestItems = prop(o, 'guestItems');
  if (guestItems !== undefined) vm.guestItems = r.items(guestItems, 'guest items');
  const disable = prop(o, 'disableHostKvpItems');
  if (disable !== undefined) {
    vm.disableHostKvpItems = r.boolean(disable, 'DisableHostKVPItems') ?? null;
  }
  for (const e of list(prop(o, 'errors'))) {
    const t = r.text(e, 'An error the collector recorded');
    if (t) {
      vm.errors.push(t);
      r.note(
        'warning',
        `The collector could not read everything for VM ${quoted(name)}: ${quoted(t)}.`,
      );
    }
  }
  return { vm, diagnostics: r.diagnostics };
}

function lineAndColumn(text: string, at: number): string {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return `it breaks off at line ${line}, column ${at - before.lastIndexOf('\n')}`;
}

/** Reads a collector file. Never throws: a file that is not one gives `{ error }`. */
export function readCollector(text: string): CollectorFile | { error: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let root: Json;
  try {
    root = JSON.parse(body) as Json;
  } catch (e) {
    // The engine's message quotes the input; say only where it broke off.
    const message = e instanceof Error ? e.message : '';
    const at = /position (\d+)/.exec(message);
    const position = at ? Number(at[1]) : /end of JSON/.test(message) ? body.length : undefined;
    const where =
      position === undefined || body.trim() === ''
        ? ''
        : position >= body.trimEnd().length
          ? ' (it ends before the JSON does: the file was cut short)'
          : ` (${lineAndColumn(body, position)})`;
    return {
      error: `This is not a KVP Analyzer collector file: it is not valid JSON${where}. Run kvp-collector.ps1 on the Hyper-V host and open the file it writes.`,
    };
  }
  if (!isObject(root) || prop(root, MARKER) === undefined) {
    return {
      error: `This JSON file was not written by the KVP Analyzer host collector: it has no "${MARKER}" field. Run kvp-collector.ps1 on the Hyper-V host and open the file it writes.`,
    };
  }
  const version = prop(root, MARKER);
  if (version !== COLLECTOR_FORMAT) {
    return {
      error: `This collector file is in format ${shown(version ?? null)}; this version of KVP Analyzer reads format ${COLLECTOR_FORMAT}. Use the kvp-collector.ps1 that comes with this page.`,
    };
  }

  const r = new Reader('the collector file');
  const hostValue = prop(root, 'host');
  const h: JsonObject = isObject(hostValue) ? hostValue : {};
  if (!isObject(hostValue)) r.note('warning', 'The file says nothing about the host.');
  const host: CollectorHost = {
    name: r.text(prop(h, 'name'), 'The host name') ?? '',
    version: r.text(prop(h, 'version'), 'The host version') ?? '',
  };
  for (const key of ['osName', 'edition', 'manufacturer', 'model'] as const) {
    const t = r.text(prop(h, key), `The host's ${key}`);
    if (t) host[key] = t;
  }
  for (const key of ['build', 'editionId'] as const) {
    const n = r.integer(prop(h, key), `The host's ${key}`);
    if (n !== undefined) host[key] = n;
  }
  if (host.version === '') r.note('warning', "The host's Windows version is missing.");

  const file: CollectorFile = {
    version: COLLECTOR_FORMAT,
    host,
    vms: [],
    diagnostics: r.diagnostics,
  };
  const at = r.text(prop(root, 'collectedAt'), 'The collection time');
  if (at) file.collectedAt = isoTime(at);
  const vms = list(prop(root, 'vms'));
  vms.forEach((v, index) => {
    if (!isObject(v)) {
      r.note(
        'warning',
        `Entry ${index + 1} of the VM list is not a VM (it is ${shown(v)}); it was left out.`,
      );
      return;
    }
    const { vm, diagnostics } = readVm(v, index);
    file.vms.push(vm);
    for (const item of diagnostics) file.diagnostics.push(item);
  });
  if (vms.length === 0) {
    r.note(
      'warning',
      'The file lists no virtual machines: the host had none, or none of the names given matched.',
    );
  }
  return file;
}

/** Whether the text is a collector file (for detection): JSON with the marker near its start. */
export function looksLikeCollector(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^\uFEFF?\s*\{/.test(head) && head.includes(`"${MARKER}"`);
}
