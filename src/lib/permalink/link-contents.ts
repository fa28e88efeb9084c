// What a link carries, as rows the share dialog can show before anything is shared.
import type { KeyFacts, KvpSnapshot, SnapshotValue } from '../kvp/snapshot.ts';

export interface LinkContentRow {
  /** "Guest\Parameters", "Auto", "CurrentVersion", a look-alike key's path, or "What-if". */
  key: string;
  name: string;
  /** REG_SZ, REG_DWORD, …; "deleted" for a value the file deletes; "" where no data travels. */
  type: string;
  /** The data as the link carries it. */
  shown: string;
}

function shown(value: SnapshotValue): string {
  const { data } = value;
  if (data === null) return value.hex ?? '';
  if (Array.isArray(data)) return data.join('; ');
  return String(data);
}

function rowsOf(key: string, facts: KeyFacts): LinkContentRow[] {
  return [
    ...facts.values.map((v) => ({ key, name: v.name, type: v.typeName, shown: shown(v) })),
    ...(facts.deletedValues ?? []).map((v) => ({ key, name: v.name, type: 'deleted', shown: '' })),
  ];
}

export function describeLinkContents(snapshot: KvpSnapshot): LinkContentRow[] {
  const { guestOs, hostVersion } = snapshot.given;
  return [
    ...rowsOf('Guest\\Parameters', snapshot.parameters),
    ...rowsOf('Auto', snapshot.auto),
    ...rowsOf('CurrentVersion', snapshot.currentVersion),
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
