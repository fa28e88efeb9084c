// What cloud-init and azure-init leave in a Linux guest's pool 1 (.kvp_pool_1, "Guest" — the
// guest's own items, which Azure's host reads). Sources:
// - cloud-init cloudinit/reporting/handlers.py (HyperVKvpReportingHandler): event keys
//   `CLOUD_INIT|<incarnation>|<event_type>|<event_name>|<uuid>[|<slice>]`, the incarnation being
//   the boot time in whole seconds; values compact JSON {"name","type","ts","result"?,"msg"} of at
//   most 1,024 bytes, a longer description cut into slices that carry "msg_i".
// - cloud-init cloudinit/sources/azure/kvp.py and errors.py: the `PROVISIONING_REPORT` key, a
//   `|`-separated CSV row (quote character ') of `name=value` fields: `result=success|agent=…|
//   timestamp=…|vm_id=…` or `result=error|reason=…|agent=…|<supporting data>|vm_id=…|timestamp=…|
//   documentation_url=https://aka.ms/linuxprovisioningerror`.
// - Azure/azure-init libazureinit/src/kvp.rs: event keys `azure-init-<version>|<vm_id>|<level>|
//   <span name>|<uuid>`, values "Time: … | Event: …" or "Start: … | End: …"; its health report is
//   written under `PROVISIONING_REPORT` too.

/** One field of a provisioning report, in the order written. */
export interface ReportField {
  name: string;
  value: string;
}

export interface ProvisioningReport {
  /** 1-based record of pool 1. */
  record: number;
  /** "success", "error", or what the report says. */
  result: string;
  reason?: string;
  agent?: string;
  timestamp?: string;
  vmId?: string;
  documentationUrl?: string;
  /** Every field, supporting data included. */
  fields: ReportField[];
}

export interface ProvisioningEvent {
  agent: 'cloud-init' | 'azure-init';
  /** cloud-init: the boot it belongs to, seconds since 1970 (its "incarnation"). */
  incarnation?: number;
  /** cloud-init: "start", "finish", "diagnostic"…; azure-init: the level ("INFO", "ERROR"). */
  type: string;
  name: string;
  /** When, as the agent wrote it (ISO 8601). */
  time?: string;
  /** cloud-init finish events: "SUCCESS", "FAIL", "WARN". */
  result?: string;
  message: string;
  /** The records it was read from (several when cloud-init cut a long message into slices). */
  records: number[];
}

export interface ProvisioningEvents {
  reports: ProvisioningReport[];
  events: ProvisioningEvent[];
  /** Records of pool 1 that are neither (another program's items). */
  others: number;
  /** Records that look like one of these but cannot be read, in words. */
  problems: { record: number; why: string }[];
}

/**
 * Splits a CSV row written by Python's csv.writer with QUOTE_MINIMAL: fields that hold the
 * delimiter, the quote or a line break are quoted, a quote inside doubled. One pass.
 */
export function splitReport(text: string, delimiter = '|', quote = "'"): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === quote && text[i + 1] === quote) {
        field += quote;
        i++;
      } else if (c === quote) quoted = false;
      else field += c;
    } else if (c === quote && field === '') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** The fields the report names, by the report's own field names; the first of each counts. */
const WELL_KNOWN = {
  reason: 'reason',
  agent: 'agent',
  timestamp: 'timestamp',
  vm_id: 'vmId',
  documentation_url: 'documentationUrl',
} as const;

export function decodeReport(value: string, record: number): ProvisioningReport {
  const fields = splitReport(value).map((part): ReportField => {
    const eq = part.indexOf('=');
    return eq === -1
      ? { name: '', value: part }
      : { name: part.slice(0, eq), value: part.slice(eq + 1) };
  });
  const report: ProvisioningReport = {
    record,
    result: fields.find((f) => f.name === 'result')?.value ?? '',
    fields,
  };
  for (const field of fields) {
    if (!Object.hasOwn(WELL_KNOWN, field.name)) continue;
    const key = WELL_KNOWN[field.name as keyof typeof WELL_KNOWN];
    report[key] ??= field.value;
  }
  return report;
}

interface CloudInitPart {
  incarnation: number;
  type: string;
  name: string;
  id: string;
  slice: number | null;
  record: number;
  value: string;
}

function cloudInitKey(key: string): Omit<CloudInitPart, 'record' | 'value'> | null {
  const parts = key.split('|');
  if (parts[0] !== 'CLOUD_INIT' || parts.length < 5 || parts.length > 6) return null;
  const [, incarnation = '', type = '', name = '', id = '', slice] = parts;
  if (!/^\d+$/.test(incarnation)) return null;
  return {
    incarnation: Number(incarnation),
    type,
    name,
    id,
    slice: slice === undefined ? null : /^\d+$/.test(slice) ? Number(slice) : NaN,
  };
}

/** The JSON-escaped text of "msg" in a slice's value (a slice may end inside an escape). */
const MSG_TEXT = /"msg":"((?:[^"\\]|\\.)*\\?)"/;

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function cloudInitEvent(parts: CloudInitPart[]): ProvisioningEvent | string {
  const first = parts[0] as CloudInitPart;
  const records = parts.map((p) => p.record);
  let meta: Record<string, unknown> | null;
  let message: string;
  if (parts.length === 1 && first.slice === null) {
    meta = parseJson(first.value);
    if (!meta) return 'its value is not the JSON cloud-init writes';
    message = text(meta.msg) ?? '';
  } else {
    // Slices: each holds a piece of the JSON-escaped message; join, then unescape once.
    const sorted = [...parts].sort((a, b) => (a.slice ?? 0) - (b.slice ?? 0));
    let escaped = '';
    for (const part of sorted) escaped += MSG_TEXT.exec(part.value)?.[1] ?? '';
    meta = parseJson(sorted[0]?.value.replace(MSG_TEXT, '"msg":""') ?? '');
    try {
      message = JSON.parse(`"${escaped}"`) as string;
    } catch {
      message = escaped;
    }
  }
  const event: ProvisioningEvent = {
    agent: 'cloud-init',
    incarnation: first.incarnation,
    type: text(meta?.type) ?? first.type,
    name: text(meta?.name) ?? first.name,
    message,
    records,
  };
  const time = text(meta?.ts);
  if (time !== undefined) event.time = time;
  const result = text(meta?.result);
  if (result !== undefined) event.result = result;
  return event;
}

const AZURE_INIT_TIME = /^(?:Time|Start): (\S+)/;

function azureInitEvent(key: string, value: string, record: number): ProvisioningEvent | null {
  const parts = key.split('|');
  if (parts.length !== 5 || !(parts[0] ?? '').startsWith('azure-init-')) return null;
  const [, , level = '', name = ''] = parts;
  const event: ProvisioningEvent = {
    agent: 'azure-init',
    type: level,
    name,
    message: value,
    records: [record],
  };
  const time = AZURE_INIT_TIME.exec(value)?.[1];
  if (time !== undefined) event.time = time;
  return event;
}

/** The reports and events of pool 1's records, in file order (slices joined at their first). */
export function provisioningEvents(
  records: readonly { record: number; key: string; value: string }[],
): ProvisioningEvents {
  const out: ProvisioningEvents = { reports: [], events: [], others: 0, problems: [] };
  // cloud-init events by uuid: slices of one event share it, possibly far apart.
  const cloudInit = new Map<string, CloudInitPart[]>();
  const order: (ProvisioningEvent | string)[] = [];
  for (const { record, key, value } of records) {
    if (key === 'PROVISIONING_REPORT') {
      out.reports.push(decodeReport(value, record));
      continue;
    }
    const ci = cloudInitKey(key);
    if (ci) {
      if (Number.isNaN(ci.slice)) {
        out.problems.push({ record, why: 'a cloud-init key whose slice number is not a number' });
        continue;
      }
      const list = cloudInit.get(ci.id);
      if (list) list.push({ ...ci, record, value });
      else {
        cloudInit.set(ci.id, [{ ...ci, record, value }]);
        order.push(ci.id);
      }
      continue;
    }
    const ai = azureInitEvent(key, value, record);
    if (ai) order.push(ai);
    else out.others++;
  }
  for (const item of order) {
    if (typeof item !== 'string') {
      out.events.push(item);
      continue;
    }
    const parts = cloudInit.get(item) as CloudInitPart[];
    const event = cloudInitEvent(parts);
    if (typeof event === 'string')
      out.problems.push({ record: (parts[0] as CloudInitPart).record, why: event });
    else out.events.push(event);
  }
  return out;
}
