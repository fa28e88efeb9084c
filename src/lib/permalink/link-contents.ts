// What a link carries, as rows the share dialog can show before anything is shared.
import { shownHex } from '../kvp/hex-text.ts';
import type { KeyFacts, KvpSnapshot, SnapshotValue } from '../kvp/snapshot.ts';

export interface LinkContentRow {
  /** "Guest\Parameters", "Auto", "CurrentVersion", a look-alike key's path, a pool file, "Host",
   * "VM", or "What-if". */
  key: string;
  name: string;
  /** REG_SZ, REG_DWORD, …; "deleted" for a value the file deletes; "" where no data travels. */
  type: string;
  /** The data as the link carries it. */
  shown: string;
}

function shown(value: SnapshotValue): string {
  const { data } = value;
  if (data === null) return shownHex(value);
  if (Array.isArray(data)) return data.join('; ');
  return String(data);
}

function rowsOf(key: string, facts: KeyFacts): LinkContentRow[] {
  return [
    ...facts.values.map((v) => ({ key, name: v.name, type: v.typeName, shown: shown(v) })),
    ...(facts.deletedValues ?? []).map((v) => ({ key, name: v.name, type: 'deleted', shown: '' })),
  ];
}

/** What only some inputs carry: every pool record, the host's and the VM's own facts. */
function partRows(snapshot: KvpSnapshot): LinkContentRow[] {
  const rows: LinkContentRow[] = [];
  for (const pool of snapshot.linux?.pools ?? []) {
    for (const r of pool.records) {
      rows.push({ key: pool.name, name: r.key, type: `record ${r.record}`, shown: r.value });
    }
  }
  const { host, vm } = snapshot;
  const add = (key: string, name: string, shown: string | number | boolean | null | undefined) => {
    if (shown !== undefined && shown !== null)
      rows.push({ key, name, type: '', shown: String(shown) });
  };
  if (host) {
    for (const [name, value] of Object.entries(host)) add('Host', name, value as string | number);
  }
  if (vm) {
    add('VM', 'name', vm.name);
    add('VM', 'id', vm.id);
    add('VM', 'state', vm.state);
    add('VM', 'generation', vm.generation);
    add('VM', 'configurationVersion', vm.configurationVersion);
    add('VM', 'DisableHostKVPItems', vm.disableHostKvpItems);
    for (const service of vm.integrationServices) {
      const status = [service.primaryStatus, service.secondaryStatus].filter(Boolean).join(', ');
      add(
        'Integration services',
        service.name,
        `${service.enabled ? 'enabled' : 'disabled'}${status ? `, ${status}` : ''}`,
      );
    }
    for (const item of vm.guestItems ?? []) add('GuestExchangeItems', item.name, item.data);
  }
  return rows;
}

export function describeLinkContents(snapshot: KvpSnapshot): LinkContentRow[] {
  const { guestOs, hostVersion } = snapshot.given;
  return [
    ...rowsOf('Guest\\Parameters', snapshot.parameters),
    ...rowsOf('Auto', snapshot.auto),
    ...rowsOf('CurrentVersion', snapshot.currentVersion),
    ...partRows(snapshot),
    ...snapshot.lookAlikes.flatMap((k) =>
      k.values.map((v) => ({ key: k.path, name: v.name, type: '', shown: '(name only)' })),
    ),
    ...(guestOs
      ? [{ key: 'What-if', name: 'guest OS', type: '', shown: `${guestOs.major}.${guestOs.minor}` }]
      : []),
    ...(hostVersion
      ? [
          {
            key: 'What-if',
            name: 'host version',
            type: '',
            shown: `${hostVersion.major}.${hostVersion.minor}`,
          },
        ]
      : []),
  ];
}
