// npm run bench: the Linux pool, tar, WMI item and host collector readers on inputs of n, 2n and
// 4n bytes, plain and crafted. Prints the time of each and the growth ratio from n to 4n, which
// stays near 4 for a linear reader (16 would be quadratic). Asserts nothing.
import { gzipSync } from 'fflate';
import { readCollector } from '../../src/lib/inputs/host-collector';
import { readPoolFile } from '../../src/lib/inputs/kvp-pool';
import { readTar } from '../../src/lib/inputs/tar';
import { readKvpItems } from '../../src/lib/inputs/wmi-items';
import { poolRecord, tarBytes } from '../unit/inputs/kvp-bytes';

const RUNS = 5;

function median(run: () => unknown): number {
  run();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)] ?? NaN;
}

function row(what: string, make: (scale: number) => unknown, read: (input: never) => unknown) {
  const times = [1, 2, 4].map((scale) => {
    const input = make(scale);
    return median(() => read(input as never));
  });
  const [t1 = NaN, t2 = NaN, t4 = NaN] = times;
  console.log(
    `${what.padEnd(58)} ${t1.toFixed(1).padStart(8)} ms ${t2.toFixed(1).padStart(8)} ms ${t4.toFixed(1).padStart(8)} ms   ×${(t4 / t1).toFixed(1)}`,
  );
}

const repeat = (bytes: Uint8Array, times: number) => {
  const out = new Uint8Array(bytes.length * times);
  for (let i = 0; i < times; i++) out.set(bytes, i * bytes.length);
  return out;
};
const item = (name: string, data: string) =>
  `<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"><PROPERTY NAME="Data" TYPE="string"><VALUE>${data}</VALUE></PROPERTY><PROPERTY NAME="Name" TYPE="string"><VALUE>${name}</VALUE></PROPERTY><PROPERTY NAME="Source" TYPE="uint16"><VALUE>2</VALUE></PROPERTY></INSTANCE>\r\n`;

console.log(
  `${'input (n, 2n, 4n)'.padEnd(58)} ${'n'.padStart(11)} ${'2n'.padStart(11)} ${'4n'.padStart(11)}   4n/n`,
);
row(
  'pool file, 4,000 records (10 MB) per n',
  (s) => repeat(poolRecord('CLOUD_INIT|1764581400|start|x', '{"msg":"m"}'), 4000 * s),
  (b: Uint8Array) => readPoolFile(b, '.kvp_pool_1'),
);
row(
  'pool file, 4,000 records all the same key (every one a note)',
  (s) => repeat(poolRecord('HostName', 'x'), 4000 * s),
  (b: Uint8Array) => readPoolFile(b, '.kvp_pool_3'),
);
row(
  'tar, 2,000 entries per n',
  (s) =>
    tarBytes(Array.from({ length: 2000 * s }, (_, i) => ({ name: `hyperv/f${i}`, data: 'x' }))),
  (b: Uint8Array) => readTar(b, { maxEntries: 1e9 }),
);
row(
  'tar.gz of 8 MB of zeros per n (inflated in full)',
  (s) => gzipSync(tarBytes([{ name: 'z', data: new Uint8Array((8 * s) << 20) }])),
  (b: Uint8Array) => readTar(b, { maxBytes: 1e9 }),
);
row(
  'WMI items, 10,000 per n',
  (s) => Array.from({ length: 10_000 * s }, (_, i) => item(`Name${i}`, `Data &amp; ${i}`)).join(''),
  (t: string) => readKvpItems(t),
);
row(
  'WMI items, 10,000 per n, all on one line',
  (s) => Array.from({ length: 10_000 * s }, (_, i) => item(`Name${i}`, `${i}`).trim()).join(''),
  (t: string) => readKvpItems(t),
);
row(
  'WMI text of 200,000 "<" per n (markup that never ends)',
  (s) => '<a'.repeat(200_000 * s),
  (t: string) => readKvpItems(t),
);
row(
  'WMI text of 200,000 "a < b" per n',
  (s) => `${'a < b '.repeat(200_000 * s)}${item('K', 'v')}`,
  (t: string) => readKvpItems(t),
);
row(
  'WMI item whose VALUE never ends, 1 MB per n',
  (s) =>
    `<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"><PROPERTY NAME="Data"><VALUE>${'<x'.repeat(500_000 * s)}`,
  (t: string) => readKvpItems(t),
);
row(
  'collector file, 1,000 VMs per n',
  (s) =>
    JSON.stringify({
      kvpAnalyzerCollector: 1,
      host: { name: 'HV01', version: '10.0.20348' },
      vms: Array.from({ length: 1000 * s }, (_, i) => ({
        name: `vm-${i}`,
        id: `${i}`,
        state: 'Running',
        integrationServices: [
          { name: 'Key-Value Pair Exchange', enabled: true, primaryStatus: 'Ok' },
        ],
        guestIntrinsicItems: [{ name: 'OSName', data: 'Windows Server 2022 Datacenter' }],
      })),
    }),
  (t: string) => readCollector(t),
);
row(
  'collector file, one VM with 50,000 keys per n',
  (s) =>
    JSON.stringify({
      kvpAnalyzerCollector: 1,
      vms: [Object.fromEntries(Array.from({ length: 50_000 * s }, (_, i) => [`k${i}`, i]))],
    }),
  (t: string) => readCollector(t),
);
