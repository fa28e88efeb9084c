import { describe, expect, it } from 'vitest';
import {
  ENABLE_DATA_EXCHANGE,
  deleteKeys,
  deleteValues,
  deleteValuesExcept,
  makeFix,
  psQuote,
} from '../../../src/lib/rules/fixes.ts';

describe('PowerShell that pastes and runs', () => {
  it.each([
    ['web-01', "'web-01'"],
    ["O'Brien", "'O''Brien'"],
    ['O’Brien', "'O’’Brien'"], // PowerShell ends single-quoted strings at ‘ ’ ‚ ‛ too
    ['$(Remove-Item C:\\)', "'$(Remove-Item C:\\)'"], // single quotes expand nothing
    ['', "''"],
  ])('quotes %j as %s', (text, quoted) => {
    expect(psQuote(text)).toBe(quoted);
  });

  it('fills in the VM’s name when the input names it', () => {
    expect(makeFix({ vmName: 'web 01' }, 'Do it.', ENABLE_DATA_EXCHANGE).host).toBe(
      "Enable-VMIntegrationService -VMName 'web 01' -Name 'Key-Value Pair Exchange'",
    );
  });

  it('asks for the VM’s name once when the input does not name it', () => {
    const fix = makeFix({ vmName: null }, 'Do it.', ENABLE_DATA_EXCHANGE, ENABLE_DATA_EXCHANGE);
    expect(fix.host?.split('\n')).toEqual([
      "$vmName = Read-Host 'Name of the virtual machine in Hyper-V Manager'",
      "Enable-VMIntegrationService -VMName $vmName -Name 'Key-Value Pair Exchange'",
      "Enable-VMIntegrationService -VMName $vmName -Name 'Key-Value Pair Exchange'",
    ]);
  });

  it('leaves out a side with no commands', () => {
    expect(makeFix({ vmName: 'x' }, 'Only words.')).toEqual({ summary: 'Only words.' });
  });

  it('deletes values by their literal names (no wildcards), in the right hive', () => {
    const part = deleteValues(
      'HKEY_CURRENT_USER\\Software\\Microsoft\\Virtual Machine\\Guest\\Parameters',
      ['Host*', "it's"],
    );
    expect(part.guest).toEqual([
      "$key = [Microsoft.Win32.Registry]::CurrentUser.OpenSubKey('Software\\Microsoft\\Virtual Machine\\Guest\\Parameters', $true)",
      "$key.DeleteValue('Host*', $false)",
      "$key.DeleteValue('it''s', $false)",
      '$key.Close()',
    ]);
    expect(deleteValues('NOT_A_HIVE\\x', ['a'])).toEqual({});
  });

  it('keeps named values and deletes the rest, case-insensitively as Windows compares names', () => {
    expect(
      deleteValuesExcept('HKEY_LOCAL_MACHINE\\SOFTWARE\\K', ['HostName', 'VirtualMachineId'])
        .guest?.[0],
    ).toBe("$keep = @('HostName', 'VirtualMachineId')");
  });

  it('deletes keys by literal path', () => {
    expect(deleteKeys(['HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\[x]']).guest).toEqual([
      "Remove-Item -LiteralPath 'Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\[x]' -Recurse",
    ]);
  });
});
