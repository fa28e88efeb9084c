// How a number is stored. kvp-reference.md §1.3: whether hosts write the numeric HostingSystem*
// values as REG_DWORD or REG_SZ on Windows guests is unconfirmed [unverified], so both are accepted
// and the snapshot records which; anything else (REG_SZ "ten", REG_BINARY, …) is flagged.

import { REG_DWORD, REG_SZ, typeName as regTypeName } from '../reg/data.ts';
import { hexByteCount } from './hex-text.ts';
import type { SnapshotValue } from './snapshot.ts';

export type NumberStorage = 'REG_DWORD' | 'decimal REG_SZ' | 'decimal, type not shown';

export type NumberReading =
  { ok: true; value: number; storedAs: NumberStorage } | { ok: false; why: string };

const MAX_DWORD = 0xffffffff;

export function readNumber(
  value: Pick<SnapshotValue, 'type' | 'data' | 'hex' | 'size'>,
): NumberReading {
  if (value.type === REG_DWORD) {
    if (typeof value.data === 'number')
      return { ok: true, value: value.data, storedAs: 'REG_DWORD' };
    const length = value.size ?? hexByteCount(value.hex ?? '');
    return { ok: false, why: `REG_DWORD with ${length} bytes instead of 4` };
  }
  if (value.type === REG_SZ && typeof value.data === 'string') {
    const text = value.data;
    if (/^[0-9]{1,10}$/.test(text) && Number(text) <= MAX_DWORD) {
      return { ok: true, value: Number(text), storedAs: 'decimal REG_SZ' };
    }
    return { ok: false, why: `REG_SZ "${text}" is not a decimal number` };
  }
  return {
    ok: false,
    why: `stored as ${regTypeName(value.type)}, not as REG_DWORD or a decimal REG_SZ`,
  };
}
