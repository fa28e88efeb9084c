import type { RegDocument } from './types.ts';

/** Why a parsed input is no registry export at all, in the parser's words; null when it is one. */
export function whyNotAnExport(document: RegDocument): string | null {
  if (document.format !== 'none') return null;
  const reason = document.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  return reason?.message ?? 'This is not a registry export.';
}
