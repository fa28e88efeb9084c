// Records as cloud-init (cloudinit/reporting/handlers.py, cloudinit/sources/azure/errors.py) and
// azure-init (libazureinit/src/kvp.rs) write them into pool 1.
import { describe, expect, it } from 'vitest';
import { provisioningEvents, splitReport } from '../../../src/lib/kvp/provisioning-events.ts';

const BOOT = 1764600000;
const rec = (record: number, key: string, value: string) => ({ record, key, value });

describe('PROVISIONING_REPORT', () => {
  it('reads a success report', () => {
    const { reports } = provisioningEvents([
      rec(
        1,
        'PROVISIONING_REPORT',
        'result=success|agent=Cloud-Init/24.1|timestamp=2026-11-30T10:00:01.123456|vm_id=0f3b1a2c-1111-2222-3333-444455556666',
      ),
    ]);
    expect(reports).toEqual([
      {
        record: 1,
        result: 'success',
        agent: 'Cloud-Init/24.1',
        timestamp: '2026-11-30T10:00:01.123456',
        vmId: '0f3b1a2c-1111-2222-3333-444455556666',
        fields: [
          { name: 'result', value: 'success' },
          { name: 'agent', value: 'Cloud-Init/24.1' },
          { name: 'timestamp', value: '2026-11-30T10:00:01.123456' },
          { name: 'vm_id', value: '0f3b1a2c-1111-2222-3333-444455556666' },
        ],
      },
    ]);
  });

  it('reads an error report with supporting data, quoted as Python’s csv quotes it', () => {
    const value =
      'result=error|reason=failure to obtain DHCP lease|agent=Cloud-Init/24.1|duration=300.0|interface=eth0|vm_id=x|timestamp=2026-11-30T10:05:00|documentation_url=https://aka.ms/linuxprovisioningerror';
    const [report] = provisioningEvents([rec(7, 'PROVISIONING_REPORT', value)]).reports;
    expect(report).toMatchObject({
      result: 'error',
      reason: 'failure to obtain DHCP lease',
      documentationUrl: 'https://aka.ms/linuxprovisioningerror',
    });
    expect(report?.fields.find((f) => f.name === 'interface')?.value).toBe('eth0');
  });

  it.each([
    ['a|b|c', ['a', 'b', 'c']],
    ["'x|y'|z", ['x|y', 'z']],
    ["'it''s'|'a'", ["it's", 'a']],
    ['', ['']],
    ["reason='unexpected | error'", ["reason='unexpected ", " error'"]],
  ])('splits %j', (text, fields) => {
    expect(splitReport(text)).toEqual(fields);
  });
});

describe('cloud-init events', () => {
  const key = (type: string, name: string, id: string, slice?: number) =>
    `CLOUD_INIT|${BOOT}|${type}|${name}|${id}${slice === undefined ? '' : `|${slice}`}`;

  it('reads start and finish events in order, with the boot they belong to', () => {
    const { events, others } = provisioningEvents([
      rec(
        1,
        key('start', 'init-local', 'u1'),
        '{"name":"init-local","type":"start","ts":"2026-11-30T10:00:00.000000Z","msg":"searching for local data"}',
      ),
      rec(
        2,
        key('finish', 'init-local', 'u2'),
        '{"name":"init-local","type":"finish","ts":"2026-11-30T10:00:02.000000Z","result":"FAIL","msg":"failed"}',
      ),
      rec(3, 'SomeOtherKey', 'x'),
    ]);
    expect(events).toEqual([
      {
        agent: 'cloud-init',
        incarnation: BOOT,
        type: 'start',
        name: 'init-local',
        time: '2026-11-30T10:00:00.000000Z',
        message: 'searching for local data',
        records: [1],
      },
      {
        agent: 'cloud-init',
        incarnation: BOOT,
        type: 'finish',
        name: 'init-local',
        time: '2026-11-30T10:00:02.000000Z',
        result: 'FAIL',
        message: 'failed',
        records: [2],
      },
    ]);
    expect(others).toBe(1);
  });

  it('joins the slices of a long message, even when a slice ends inside an escape', () => {
    const meta = (i: number, msg: string) =>
      `{"name":"diag","type":"diagnostic","ts":"t","msg_i":${i},"msg":"${msg}"}`;
    const { events } = provisioningEvents([
      rec(4, key('diagnostic', 'diag', 'u9', 0), meta(0, 'line one\\')),
      rec(5, 'other', 'x'),
      rec(6, key('diagnostic', 'diag', 'u9', 1), meta(1, 'nline two \\"q\\"')),
    ]);
    expect(events).toEqual([
      expect.objectContaining({
        message: 'line one\nline two "q"',
        records: [4, 6],
        type: 'diagnostic',
      }),
    ]);
  });

  it('names a record it cannot read, and keeps going', () => {
    const { events, problems } = provisioningEvents([
      rec(1, key('start', 'x', 'u1'), 'not json'),
      rec(2, key('start', 'y', 'u2'), '{"name":"y","type":"start","ts":"t","msg":"ok"}'),
    ]);
    expect(problems).toEqual([{ record: 1, why: 'its value is not the JSON cloud-init writes' }]);
    expect(events.map((e) => e.name)).toEqual(['y']);
  });
});

describe('azure-init events', () => {
  it('reads its keys and times', () => {
    const { events } = provisioningEvents([
      rec(
        1,
        'azure-init-0.1.1|0f3b1a2c|ERROR|provision:user|3f2a',
        'Time: 2026-11-30T10:00:00.123Z | Event: msg="cannot create user"',
      ),
    ]);
    expect(events).toEqual([
      {
        agent: 'azure-init',
        type: 'ERROR',
        name: 'provision:user',
        time: '2026-11-30T10:00:00.123Z',
        message: 'Time: 2026-11-30T10:00:00.123Z | Event: msg="cannot create user"',
        records: [1],
      },
    ]);
  });
});
