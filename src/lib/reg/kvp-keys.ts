// Which keys of an export the KVP analysis reads, apart from the scanner: the snapshot needs
// them, not the parsers.

/**
 * The keys scanKvp keeps (kvp-reference): `\Microsoft\Windows NT\CurrentVersion` itself, where
 * the guest's OS version is (not its many subkeys), and every path that mentions
 * `Virtual Machine`, `VirtualMachine` or `\Guest\Parameter` anywhere, case-insensitively: the real
 * `HKLM\SOFTWARE\Microsoft\Virtual Machine\…` keys and every look-alike the analyzer flags
 * (`…\Wow6432Node\Microsoft\Virtual Machine\…`, the same under HKEY_CURRENT_USER,
 * `HKLM\SOFTWARE\Microsoft\Guest\Parameters`, …). The snapshot reads look-alikes only among
 * these keys, so the fast path and a full parse give the same analysis.
 */
export function isKvpKeyPath(path: string): boolean {
  const lower = path.toLowerCase();
  return (
    lower.includes('virtual machine') ||
    lower.includes('virtualmachine') ||
    lower.includes('\\guest\\parameter') ||
    lower.endsWith('\\microsoft\\windows nt\\currentversion')
  );
}

/**
 * The keys the analysis reads whether or not the file writes them: a deletion above one of them
 * (`[-HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft]`) says the file deletes it, so it is kept too.
 */
export const ANALYSED_PATHS = [
  'hkey_local_machine\\software\\microsoft\\virtual machine\\guest\\parameters',
  'hkey_local_machine\\software\\microsoft\\virtual machine\\auto',
  'hkey_local_machine\\software\\microsoft\\windows nt\\currentversion',
];
