import { describe, expect, it } from 'vitest';
import { parseReg, parseRegText, serializeReg } from '../../../src/lib/reg';
import { V5, utf16, v5 } from './helpers';

const text = (bytes: Uint8Array) => new TextDecoder('utf-16le').decode(bytes.subarray(2));

const COMPLEX =
  'Windows Registry Editor Version 5.00\r\n\r\n' +
  '[HKEY_CURRENT_USER\\Software\\Wine\\reg_test]\r\n"DWORD"=dword:00000100\r\n"String"="Your text here..."\r\n\r\n' +
  '[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\Subkey1]\r\n"Binary"=hex:11,22,33,44\r\n"Undefined hex"=hex(100):25,50,41,54,48,25,00\r\n\r\n' +
  '[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\Subkey2a]\r\n"double\\"quote"="\\"Hello, World!\\""\r\n"single\'quote"=dword:00000008\r\n\r\n' +
  '[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\Subkey2a\\Subkey2b]\r\n@="Default value name"\r\n"Multiple strings"=hex(7):4c,00,69,00,6e,00,65,00,31,00,00,00,4c,00,69,00,6e,\\\r\n  00,65,00,32,00,00,00,4c,00,69,00,6e,00,65,00,33,00,00,00,00,00\r\n\r\n' +
  '[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\Subkey3a]\r\n"Backslash"="Use \\\\\\\\ to escape a backslash"\r\n\r\n' +
  '[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\Subkey3a\\Subkey3b]\r\n\r\n' +
  '[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\Subkey3a\\Subkey3b\\Subkey3c]\r\n"String expansion"=hex(2):25,00,48,00,4f,00,4d,00,45,00,25,00,5c,00,25,00,50,\\\r\n  00,41,00,54,00,48,00,25,00,00,00\r\n"Zero data type"=hex(0):56,61,6c,75,65,00\r\n\r\n' +
  '[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\Subkey4]\r\n@=dword:12345678\r\n"43981"=hex(abcd):56,61,6c,75,65,00\r\n\r\n';

describe('serializeReg (reg-format.md §1.4, §2.8, §7.7)', () => {
  it('reproduces the Windows-checked export byte for byte', () => {
    const bytes = utf16(COMPLEX);
    const out = serializeReg(parseReg(bytes));
    expect(text(out)).toBe(COMPLEX);
    expect(out).toEqual(bytes);
  });
  it('wraps 40 bytes as 22 then 18, the first line 80 characters with the backslash', () => {
    const data = Array.from({ length: 40 }, (_, i) => i.toString(16).padStart(2, '0'));
    const lines = text(serializeReg(v5(`"Binary"=hex:${data.join(',')}`))).split('\r\n');
    const first = `"Binary"=hex:${data.slice(0, 22).join(',')},\\`;
    expect(lines[3]).toBe(first);
    expect(first).toHaveLength(80);
    expect(lines[4]).toBe(`  ${data.slice(22).join(',')}`);
  });
  it('puts 25 bytes on each continuation line, and one byte first after a very long name', () => {
    const name = 'n'.repeat(90);
    const lines = text(serializeReg(v5(`"${name}"=hex:${Array(60).fill('ab').join(',')}`))).split(
      '\r\n',
    );
    expect(lines[3]).toBe(`"${name}"=hex:ab,\\`);
    expect(lines[4]).toBe(`  ${Array(25).fill('ab').join(',')},\\`);
    expect(lines[5]).toBe(`  ${Array(25).fill('ab').join(',')},\\`);
    expect(lines[6]).toBe(`  ${Array(9).fill('ab').join(',')}`);
  });
  it('writes dword only for 4 bytes, REG_SZ quoted only when that round-trips', () => {
    const doc = v5(
      '"d"=hex(4):01,02',
      '"s"=hex(1):61,00,0a,00,00,00',
      '"n"=hex(1):61,00,00,00,62,00,00,00',
      '"o"=hex(1):',
      '"q"="a\\\\\\"b"',
    );
    const lines = text(serializeReg(doc)).split('\r\n').slice(3, 8);
    expect(lines).toEqual([
      '"d"=hex(4):01,02',
      '"s"=hex(1):61,00,0a,00,00,00',
      '"n"=hex(1):61,00,00,00,62,00,00,00',
      '"o"=hex(1):',
      '"q"="a\\\\\\"b"',
    ]);
  });
  it('writes deletions as [-path] and "name"=-', () => {
    const doc = parseRegText(
      `${V5}\r\n[-HKEY_CURRENT_USER\\A]\r\n[HKEY_CURRENT_USER\\B]\r\n"x"=-\r\n@=-\r\n`,
    );
    expect(text(serializeReg(doc))).toBe(
      `${V5}\r\n\r\n[-HKEY_CURRENT_USER\\A]\r\n\r\n[HKEY_CURRENT_USER\\B]\r\n"x"=-\r\n@=-\r\n\r\n`,
    );
  });
  it('writes REGEDIT4 text as UTF-16LE', () => {
    const doc = parseRegText('REGEDIT4\n[HKEY_CURRENT_USER\\T]\n"a"=hex(2):25,80,00\n');
    expect(text(serializeReg(doc))).toContain('"a"=hex(2):25,00,ac,20,00,00');
  });
});
