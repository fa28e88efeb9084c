// Is the Linux KVP daemon doing its job? The checks Microsoft's Linux test suite runs
// (microsoft/lisa microsoft/testsuites/core/kvp.py: five pool files, pool 3 not empty with at
// least 11 records, files of mode 0644) on the pool files hv_kvp_daemon keeps in /var/lib/hyperv
// (Linux tools/hv/hv_kvp_daemon.c: 2,560-byte records, pool 3 the host's values). Stale: cloud-init
// stamps its events with the boot's time, and a pool 3 last written before that boot was not
// rewritten by this boot's host — as seen after image capture (Azure/WALinuxAgent issue #3276
// [3P]); two different values under one key in pool 3 are values of more than one host.

import type { LinuxPool, LinuxPools } from '../../kvp/linux-pools.ts';
import { poolOf } from '../../kvp/linux-pools.ts';
import { provisioningEvents } from '../../kvp/provisioning-events.ts';
import { boundedEvidence, nameList } from '../evidence.ts';
import { DOCS } from '../references.ts';
import type {
  CheckResult,
  Evidence,
  Rule,
  RuleOutcome,
  RulePack,
  VerdictDecision,
} from '../types.ts';
import type { SnapshotView } from '../view.ts';

export const LINUX_KVP_PACK_ID = 'linux-kvp';

const RECORD_BYTES = 2560;
/** Microsoft's test suite asks pool 3 for at least this many records. */
const MIN_POOL3_RECORDS = 11;
const DAEMON_MODE = 0o644;

function linuxOf(view: SnapshotView): LinuxPools | undefined {
  return view.snapshot.linux;
}

function fileEvidence(pool: LinuxPool, actual: string, expected: string): Evidence {
  return { name: pool.name, actual, expected, source: pool.name, line: null };
}

function recordEvidence(
  pool: LinuxPool,
  record: number,
  name: string,
  actual: string,
  expected: string,
): Evidence {
  return { name, actual, expected, source: `record ${record} of ${pool.name}`, line: record };
}

const NOT_LINUX = 'This is not a Linux guest’s pool files.';

const filesRule: Rule = {
  id: 'linux-pool-files',
  title: 'All five pool files are there',
  failureTitle: 'Some pool files are missing',
  description:
    'hv_kvp_daemon creates .kvp_pool_0 to .kvp_pool_4 in /var/lib/hyperv when it starts; Microsoft’s Linux tests require all five.',
  references: [DOCS.dataExchange],
  requires: [],
  messages: {
    notLinux: NOT_LINUX,
    all: 'All five pool files are there.',
    one: 'Only {{names}} was given, so whether the others exist cannot be told: give the whole /var/lib/hyperv folder (or a tar of it).',
    missing:
      'Missing: {{missing}}. The daemon creates all five when it starts, so it has not run here, or the files were removed.',
  },
  fix: {
    missing: () => ({
      summary:
        'Start the KVP daemon in the guest (hv-kvp-daemon or hypervkvpd, from the distribution’s Hyper-V tools), which creates the pool files.',
      guest:
        'sudo systemctl restart hv-kvp-daemon.service || sudo systemctl restart hypervkvpd.service',
      guestShell: 'sh',
    }),
  },
  evaluate({ view }): RuleOutcome {
    const linux = linuxOf(view);
    if (!linux) return { status: 'not-applicable', messageId: 'notLinux' };
    const present = new Set(linux.pools.map((p) => p.pool));
    if (linux.pools.length === 1) {
      return {
        status: 'incomplete',
        messageId: 'one',
        data: { names: linux.pools[0]?.name ?? '' },
      };
    }
    const missing = [0, 1, 2, 3, 4]
      .filter((n) => !present.has(n as LinuxPool['pool']))
      .map((n) => `.kvp_pool_${n}`);
    if (missing.length === 0) return { status: 'pass', messageId: 'all' };
    return {
      status: 'warn',
      messageId: 'missing',
      data: { missing: nameList(missing) },
      evidence: missing.map((name) => ({
        name,
        actual: '(missing)',
        expected: 'present',
        source: 'not in the input',
        line: null,
      })),
    };
  },
};

const pool3Rule: Rule = {
  id: 'linux-pool3-records',
  title: 'The host’s pool holds its values',
  failureTitle: 'The host’s pool is empty or short',
  description:
    'Pool 3 (.kvp_pool_3) is where the host’s values land — the Linux counterpart of Guest\\Parameters. Microsoft’s tests require at least 11 records; an empty pool means the host withholds its values (DisableHostKVPItems) or the daemon never received them.',
  references: [DOCS.dataExchange, DOCS.kvpSettingData],
  requires: [],
  messages: {
    notLinux: NOT_LINUX,
    absent: 'There is no .kvp_pool_3 among the files given.',
    empty:
      '.kvp_pool_3 is empty: the host withholds its values (DisableHostKVPItems), Data Exchange is off for this VM, or the daemon is not running.',
    short: '.kvp_pool_3 holds {{count}} records, fewer than the 11 a host writes.',
    ok: '.kvp_pool_3 holds {{count}} records.',
  },
  fix: {
    empty: () => ({
      summary:
        'Make sure Data Exchange is on for this VM on the Hyper-V host, DisableHostKVPItems is not set, and the KVP daemon runs in the guest.',
      guest: 'systemctl status hv-kvp-daemon.service hypervkvpd.service',
      guestShell: 'sh',
    }),
  },
  evaluate({ view }): RuleOutcome {
    const linux = linuxOf(view);
    if (!linux) return { status: 'not-applicable', messageId: 'notLinux' };
    const pool = poolOf(linux, 3);
    if (!pool) {
      return {
        status: linux.pools.length === 0 ? 'incomplete' : 'fail',
        messageId: 'absent',
        evidence: [
          {
            name: '.kvp_pool_3',
            actual: '(missing)',
            expected: 'present',
            source: 'not in the input',
            line: null,
          },
        ],
      };
    }
    const count = pool.records.length;
    if (count === 0) {
      return {
        status: 'fail',
        messageId: 'empty',
        evidence: [fileEvidence(pool, `${pool.size} bytes, no records`, 'at least 11 records')],
      };
    }
    if (count < MIN_POOL3_RECORDS) {
      return {
        status: 'warn',
        messageId: 'short',
        data: { count },
        evidence: [fileEvidence(pool, `${count} records`, 'at least 11 records')],
      };
    }
    return { status: 'pass', messageId: 'ok', data: { count } };
  },
};

const recordsRule: Rule = {
  id: 'linux-pool-records',
  title: 'The pool files are whole and readable',
  failureTitle: 'A pool file is cut short or holds unreadable records',
  description:
    'A pool file is a run of 2,560-byte records of UTF-8 text; a size that is not a whole number of records means it was cut short (often while copying), and a record that is not UTF-8 was damaged. Bytes after a field’s end are leftovers, which is normal.',
  references: [DOCS.dataExchange],
  requires: [],
  messages: {
    notLinux: NOT_LINUX,
    ok: 'Every pool file is a whole number of readable records.',
    cut: '{{names}}: not a whole number of 2,560-byte records, so the file was cut short.',
    unreadable: 'Records that cannot be read as text: {{list}}.',
  },
  evaluate({ view }): RuleOutcome {
    const linux = linuxOf(view);
    if (!linux) return { status: 'not-applicable', messageId: 'notLinux' };
    const cut = linux.pools.filter((p) => p.size % RECORD_BYTES !== 0);
    if (cut.length > 0) {
      return {
        status: 'fail',
        messageId: 'cut',
        data: { names: nameList(cut.map((p) => p.name)) },
        evidence: cut.map((p) => fileEvidence(p, `${p.size} bytes`, 'a multiple of 2,560 bytes')),
      };
    }
    const bad: { pool: LinuxPool; record: number; key: string }[] = [];
    for (const pool of linux.pools) {
      for (const r of pool.records) {
        if (r.key === '' || r.key.includes('\ufffd') || r.value.includes('\ufffd'))
          bad.push({ pool, record: r.record, key: r.key });
      }
    }
    if (bad.length === 0) return { status: 'pass', messageId: 'ok' };
    return {
      status: 'warn',
      messageId: 'unreadable',
      data: { list: nameList(bad.map((b) => `record ${b.record} of ${b.pool.name}`)) },
      evidence: boundedEvidence(bad, (b) =>
        recordEvidence(
          b.pool,
          b.record,
          b.key || '(empty key)',
          'not UTF-8, or no key',
          'UTF-8 text',
        ),
      ),
    };
  },
};

/** The latest boot cloud-init stamped its events with, in seconds since 1970. */
function latestBoot(linux: LinuxPools): { boot: number; record: number } | null {
  const pool1 = poolOf(linux, 1);
  if (!pool1) return null;
  let latest: { boot: number; record: number } | null = null;
  for (const event of provisioningEvents(pool1.records).events) {
    if (event.incarnation !== undefined && (!latest || event.incarnation > latest.boot)) {
      latest = { boot: event.incarnation, record: event.records[0] ?? 0 };
    }
  }
  return latest;
}

const staleRule: Rule = {
  id: 'linux-pool3-fresh',
  title: 'The host’s values are this boot’s',
  failureTitle: 'The host’s values look stale',
  description:
    'The host rewrites pool 3 when Data Exchange connects. A pool 3 last written before this boot began (cloud-init stamps its events with the boot’s time), or one key with two different values, holds values of another host or time — as seen after an image was captured with its /var/lib/hyperv.',
  references: [DOCS.dataExchange],
  requires: [],
  messages: {
    notLinux: NOT_LINUX,
    unknown:
      'Neither the pool files’ times nor the boot’s time are in the input, so freshness cannot be told.',
    fresh: '.kvp_pool_3 was written after this boot began.',
    noDuplicates: 'Every key of .kvp_pool_3 has one value.',
    older:
      '.kvp_pool_3 was last written at {{written}}, before this boot began at {{boot}} (cloud-init’s time): its values may be an earlier host’s.',
    twoHosts: '.kvp_pool_3 holds two different values for {{keys}}: values of more than one host.',
  },
  fix: {
    older: () => ({
      summary:
        'Restart the KVP daemon so the host writes its values again; before capturing an image, remove the pool files so a new VM does not inherit them.',
      guest:
        'sudo systemctl restart hv-kvp-daemon.service || sudo systemctl restart hypervkvpd.service',
      guestShell: 'sh',
    }),
    twoHosts: () => ({
      summary:
        'Stop the KVP daemon, remove the stale pool files and start it again, so only this host’s values remain.',
      guest: [
        'sudo systemctl stop hv-kvp-daemon.service',
        'sudo rm -f /var/lib/hyperv/.kvp_pool_3',
        'sudo systemctl start hv-kvp-daemon.service',
      ].join('\n'),
      guestShell: 'sh',
    }),
  },
  evaluate({ view }): RuleOutcome {
    const linux = linuxOf(view);
    if (!linux) return { status: 'not-applicable', messageId: 'notLinux' };
    const pool = poolOf(linux, 3);
    if (!pool) return { status: 'not-applicable', messageId: 'unknown' };
    const firstValue = new Map<string, { value: string; record: number }>();
    const doubled: { key: string; record: number; other: number }[] = [];
    for (const r of pool.records) {
      const seen = firstValue.get(r.key);
      if (!seen) firstValue.set(r.key, { value: r.value, record: r.record });
      else if (seen.value !== r.value)
        doubled.push({ key: r.key, record: r.record, other: seen.record });
    }
    if (doubled.length > 0) {
      return {
        status: 'warn',
        messageId: 'twoHosts',
        data: { keys: nameList(doubled.map((d) => d.key)) },
        evidence: boundedEvidence(doubled, (d) =>
          recordEvidence(
            pool,
            d.record,
            d.key,
            `another value than record ${d.other}`,
            'one value per key',
          ),
        ),
      };
    }
    const boot = latestBoot(linux);
    if (pool.mtime === undefined || !boot) return { status: 'incomplete', messageId: 'unknown' };
    const written = new Date(pool.mtime).toISOString();
    const began = new Date(boot.boot * 1000).toISOString();
    if (pool.mtime < boot.boot * 1000) {
      const pool1 = poolOf(linux, 1) as LinuxPool;
      return {
        status: 'warn',
        messageId: 'older',
        data: { written, boot: began },
        evidence: [
          fileEvidence(pool, `last written ${written}`, `after ${began}`),
          recordEvidence(
            pool1,
            boot.record,
            'cloud-init boot time',
            began,
            'before pool 3’s last write',
          ),
        ],
      };
    }
    return { status: 'pass', messageId: 'fresh' };
  },
};

const modeRule: Rule = {
  id: 'linux-pool-mode',
  title: 'The pool files have the daemon’s permissions',
  failureTitle: 'The pool files have other permissions than the daemon gives them',
  description:
    'hv_kvp_daemon creates its pool files with mode 0644; Microsoft’s Linux tests check it.',
  references: [DOCS.dataExchange],
  requires: [],
  messages: {
    notLinux: NOT_LINUX,
    unknown: 'The files’ permissions are not in the input (a tar archive carries them).',
    ok: 'Every pool file has mode 0644.',
    other: 'Other permissions than 0644: {{list}}.',
  },
  evaluate({ view }): RuleOutcome {
    const linux = linuxOf(view);
    if (!linux) return { status: 'not-applicable', messageId: 'notLinux' };
    const known = linux.pools.filter((p) => p.mode !== undefined);
    if (known.length === 0) return { status: 'not-applicable', messageId: 'unknown' };
    const other = known.filter((p) => ((p.mode ?? 0) & 0o777) !== DAEMON_MODE);
    if (other.length === 0) return { status: 'pass', messageId: 'ok' };
    return {
      status: 'info',
      messageId: 'other',
      data: {
        list: nameList(
          other.map((p) => `${p.name} (${((p.mode ?? 0) & 0o777).toString(8).padStart(4, '0')})`),
        ),
      },
      evidence: other.map((p) =>
        fileEvidence(p, ((p.mode ?? 0) & 0o777).toString(8).padStart(4, '0'), '0644'),
      ),
    };
  },
};

function verdict(results: CheckResult[], view: SnapshotView): VerdictDecision {
  if (!linuxOf(view)) return { outcome: 'not-applicable', reason: NOT_LINUX };
  const byId = (id: string) => results.find((r) => r.id === id);
  const records = byId(recordsRule.id);
  if (records?.status === 'fail') return { outcome: 'broken', reason: records.message };
  const pool3 = byId(pool3Rule.id);
  if (pool3?.status === 'fail' || pool3?.status === 'incomplete') {
    return { outcome: 'no-host-data', reason: pool3.message };
  }
  const fresh = byId(staleRule.id);
  if (fresh?.status === 'warn') return { outcome: 'stale', reason: fresh.message };
  const problems = results.filter((r) => r.status === 'warn');
  const extra = problems.length > 0 ? ` ${problems.map((r) => r.message).join(' ')}` : '';
  return {
    outcome: 'healthy',
    reason: `The daemon keeps the host’s values: ${pool3?.message ?? ''}${extra}`,
  };
}

export const linuxKvpPack: RulePack = {
  id: LINUX_KVP_PACK_ID,
  title: 'Whether the Linux KVP daemon does its job',
  label: 'Linux KVP',
  question: 'Is the Linux KVP daemon (hv_kvp_daemon) keeping the host’s values?',
  outcomes: {
    healthy: { label: 'Healthy', tone: 'good' },
    'no-host-data': { label: 'No host values', tone: 'attention' },
    stale: { label: 'Stale', tone: 'attention' },
    broken: { label: 'Broken', tone: 'bad' },
    'not-applicable': { label: 'Not a Linux guest', tone: 'neutral' },
  },
  rules: [filesRule, pool3Rule, recordsRule, staleRule, modeRule],
  verdict,
};
