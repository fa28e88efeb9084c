// Is Guest\Parameters only what a host writes, the way a host writes it? Registry names are
// case-insensitive, so a later write of a name replaces the earlier one on import; hosts write the
// 16 values of the catalogue; Virtual Server / Virtual PC Additions wrote only 4
// ("IVMGuestOS::GetParameter method"); Windows Update reads HKLM\SOFTWARE\Microsoft\Virtual
// Machine\Guest\Parameters and no other key.

import {
  AUTO_CATALOGUE,
  LEGACY_VALUE_NAMES,
  PARAMETERS_CATALOGUE,
  findCatalogueEntry,
} from '../../../kvp/catalogue.ts';
import { imitatedName } from '../../../kvp/look-alike-names.ts';
import { showInvisible } from '../../../text/index.ts';
import { AUTO_PATH, PARAMETERS_PATH } from '../../../kvp/paths.ts';
import { boundedEvidence, nameList } from '../../evidence.ts';
import {
  ENABLE_DATA_EXCHANGE,
  REFRESH_HOST_VALUES,
  REFRESH_SUMMARY,
  deleteKeys,
  deleteValues,
  deleteValuesExcept,
  makeFix,
} from '../../fixes.ts';
import { PARAMETERS_PRESENT } from '../../parameters-present.ts';
import { DOCS } from '../../references.ts';
import type { Rule, RuleOutcome } from '../../types.ts';

export const numberTypesRule: Rule = {
  id: 'kvp-number-types',
  title: 'Numbers are stored as REG_DWORD or decimal REG_SZ',
  failureTitle: 'Numbers stored with an unexpected type',
  description:
    'Whether hosts write the numeric values as REG_DWORD or REG_SZ on Windows guests is not documented, so both are accepted; a host presumably writes all of them one way, so a mix suggests hand edits.',
  references: [DOCS.dataExchange],
  requires: [PARAMETERS_PRESENT],
  messages: {
    none: 'No numeric values to check.',
    uniform: 'All {{count}} numeric values are stored as {{storage}}.',
    mixed:
      'The numeric values mix REG_DWORD ({{dword}}) and decimal REG_SZ ({{sz}}); a host writes them one way, so some were probably edited.',
    bad: 'Not readable as numbers: {{list}}.',
  },
  fix: { bad: (context) => makeFix(context, REFRESH_SUMMARY, REFRESH_HOST_VALUES) },
  evaluate({ view }): RuleOutcome {
    const p = view.parameters;
    const numeric = p.values.filter((v) => v.number !== undefined);
    if (numeric.length === 0) return { status: 'not-applicable', messageId: 'none' };
    const bad = numeric.filter((v) => v.number && !v.number.ok);
    const expected = 'REG_DWORD or decimal REG_SZ';
    if (bad.length > 0) {
      const list = nameList(
        bad.map((v) => `${v.name} (${v.number && !v.number.ok ? v.number.why : ''})`),
      );
      return {
        status: 'fail',
        messageId: 'bad',
        data: { list },
        evidence: boundedEvidence(bad, (v) => p.evidence(v.name, expected)),
      };
    }
    const dword = numeric.filter((v) => v.number?.ok && v.number.storedAs === 'REG_DWORD');
    const sz = numeric.filter((v) => v.number?.ok && v.number.storedAs === 'decimal REG_SZ');
    if (dword.length > 0 && sz.length > 0) {
      return {
        status: 'warn',
        messageId: 'mixed',
        data: { dword: nameList(dword.map((v) => v.name)), sz: nameList(sz.map((v) => v.name)) },
        evidence: boundedEvidence(sz, (v) => p.evidence(v.name, 'REG_DWORD like the others')),
      };
    }
    const storage = dword.length > 0 ? 'REG_DWORD' : 'decimal REG_SZ';
    return { status: 'pass', messageId: 'uniform', data: { count: numeric.length, storage } };
  },
};

export const caseRule: Rule = {
  id: 'kvp-case-duplicates',
  title: 'No value names that differ only by case',
  failureTitle: 'Value names that differ only by case',
  description:
    'Registry names are case-insensitive, so the file’s later write replaces the earlier one on import; in Linux pool files such duplicates are separate records and Windows reads only the last one.',
  references: [DOCS.dataExchange],
  requires: [PARAMETERS_PRESENT],
  messages: {
    none: 'Every value name is written with one spelling.',
    found: 'Written with different case: {{list}}; only the last write counts.',
  },
  fix: {
    found: () => ({
      summary: 'Keep one spelling of each name; the values were probably added by hand.',
    }),
  },
  evaluate({ view }): RuleOutcome {
    const p = view.parameters;
    const writes: { name: string; line: number }[] = [];
    const list: string[] = [];
    for (const v of p.values) {
      const spellings = new Set((v.writes ?? []).map((w) => w.name));
      if (spellings.size < 2) continue;
      list.push((v.writes ?? []).map((w) => `${w.name} (${p.where(w.line)})`).join(' / '));
      for (const w of v.writes ?? []) writes.push(w);
    }
    if (list.length === 0) return { status: 'pass', messageId: 'none' };
    return {
      status: 'warn',
      messageId: 'found',
      data: { list: nameList(list) },
      evidence: boundedEvidence(writes, (w) => ({
        name: w.name,
        actual: 'written',
        expected: 'one spelling',
        source: p.where(w.line),
        line: w.line,
      })),
    };
  },
};

const CATALOGUE_NAMES = PARAMETERS_CATALOGUE.map((entry) => entry.name);

export const unknownRule: Rule = {
  id: 'kvp-unknown-values',
  title: 'Only values a host writes',
  failureTitle: 'Values no host writes',
  description:
    'Hosts write the 16 values of the catalogue; anything else in Guest\\Parameters was added by someone else and has no effect on Windows Update.',
  references: [DOCS.dataExchange],
  requires: [PARAMETERS_PRESENT],
  messages: {
    none: 'Every value is one a host writes.',
    found: 'Not written by any known host: {{names}}.',
  },
  fix: {
    found: (context) =>
      makeFix(
        context,
        'Delete the values the host does not write, in the guest; they have no effect on Windows Update.',
        deleteValuesExcept(PARAMETERS_PATH, CATALOGUE_NAMES),
      ),
  },
  evaluate({ view }): RuleOutcome {
    const p = view.parameters;
    const unknown = p.values.filter((v) => !findCatalogueEntry('Parameters', v.name));
    if (unknown.length === 0) return { status: 'pass', messageId: 'none' };
    return {
      status: 'warn',
      messageId: 'found',
      data: { names: nameList(unknown.map((v) => v.name)) },
      evidence: boundedEvidence(unknown, (v) => p.evidence(v.name, 'a value from the catalogue')),
    };
  },
};

export const legacyRule: Rule = {
  id: 'kvp-legacy-pattern',
  title: 'Not the legacy Virtual PC / Virtual Server pattern',
  failureTitle: 'Only the 4 legacy Virtual PC / Virtual Server values',
  description:
    'Virtual Server 2005 R2 SP1 and Windows Virtual PC Additions write only HostName, PhysicalHostName, PhysicalHostNameFullyQualified and VirtualMachineName; a Hyper-V host writes at least 11 values.',
  references: [DOCS.virtualPcGuestParameter],
  requires: [PARAMETERS_PRESENT],
  messages: {
    no: 'The key holds Hyper-V values, not only the legacy four.',
    legacy:
      'The key holds only {{names}}: the pattern of Virtual PC / Virtual Server Additions, presumably not of a Hyper-V host; Windows Update finds no host version here.',
  },
  fix: {
    legacy: (context) =>
      makeFix(
        context,
        'If this VM now runs on Hyper-V, turn on Data Exchange so the host writes its values.',
        ENABLE_DATA_EXCHANGE,
      ),
  },
  evaluate({ view }): RuleOutcome {
    const p = view.parameters;
    const legacy = new Set(LEGACY_VALUE_NAMES.map((n) => n.toLowerCase()));
    const values = p.values;
    const onlyLegacy = values.length > 0 && values.every((v) => legacy.has(v.name.toLowerCase()));
    if (!onlyLegacy) return { status: 'pass', messageId: 'no' };
    return {
      status: 'warn',
      messageId: 'legacy',
      data: { names: nameList(values.map((v) => v.name)) },
      evidence: values.map((v) => p.evidence(v.name, 'with the Hyper-V values beside it')),
    };
  },
};

export const lookAlikeRule: Rule = {
  id: 'kvp-look-alike-keys',
  title: 'No look-alike keys',
  failureTitle: 'Keys that look like Guest\\Parameters but are not read',
  description:
    'Windows Update reads HKLM\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters only; copies under Wow6432Node, HKEY_CURRENT_USER, or a different name change nothing.',
  references: [DOCS.icApplicability],
  requires: [],
  messages: {
    none: 'No look-alike keys in the file.',
    found: 'Not read by Windows: {{list}}.',
  },
  fix: {
    found: (context, data) =>
      makeFix(
        context,
        'Delete the look-alike keys in the guest: values belong in HKLM\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters, where only the host should write them.',
        deleteKeys(String(data.paths).split('\n').filter(Boolean)),
      ),
  },
  evaluate({ view }): RuleOutcome {
    const keys = view.snapshot.lookAlikes;
    if (keys.length === 0) return { status: 'pass', messageId: 'none' };
    return {
      status: 'warn',
      messageId: 'found',
      data: {
        list: nameList(keys.map((k) => `${k.path} (line ${k.line}: ${k.why})`)),
        paths: keys
          .filter((k) => !k.deleted)
          .map((k) => k.path)
          .join('\n'),
      },
      evidence: boundedEvidence(keys, (k) => ({
        name: k.path,
        actual: k.deleted ? 'deleted' : 'present',
        expected: 'not used',
        source: `line ${k.line}`,
        line: k.line,
      })),
    };
  },
};

const AUTO_NAMES = AUTO_CATALOGUE.map((entry) => entry.name);

// Unicode Technical Standard #39 (confusable detection): a name that matches a known one only
// after removing invisible characters or reading look-alike letters as Latin is another name to
// Windows, which compares names exactly up to case, while a reader sees the known one.
export const lookAlikeNamesRule: Rule = {
  id: 'kvp-look-alike-names',
  title: 'No value names that only look like a known one',
  failureTitle: 'Value names that only look like a known one',
  description:
    'A name with an invisible character, a blank at its end or a Cyrillic or Greek letter in place of a Latin one looks like HostName, but Windows reads it as another name: the value changes nothing, and whoever wrote it may have wanted to mislead.',
  references: [DOCS.dataExchange],
  requires: [],
  messages: {
    none: 'Every value name is what it looks like.',
    found: '{{list}}.',
  },
  fix: {
    found: (context, data) =>
      makeFix(
        context,
        'Delete the look-alike values in the guest: Windows reads them under another name, so they have no effect.',
        deleteValues(PARAMETERS_PATH, String(data.parameters).split('\n').filter(Boolean)),
        deleteValues(AUTO_PATH, String(data.auto).split('\n').filter(Boolean)),
      ),
  },
  evaluate({ view }): RuleOutcome {
    const found: { key: 'parameters' | 'auto'; name: string; line: number; text: string }[] = [];
    for (const [key, known] of [
      ['parameters', CATALOGUE_NAMES],
      ['auto', AUTO_NAMES],
    ] as const) {
      for (const value of view[key].values) {
        const imitated = imitatedName(value.name, known);
        if (!imitated) continue;
        found.push({
          key,
          name: value.name,
          line: value.line,
          text: `“${showInvisible(value.name)}” looks like ${imitated.imitates} but is another name (${imitated.differences.join(', ')})`,
        });
      }
    }
    if (found.length === 0) return { status: 'pass', messageId: 'none' };
    return {
      status: 'warn',
      messageId: 'found',
      data: {
        list: nameList(found.map((f) => f.text)),
        parameters: found
          .filter((f) => f.key === 'parameters')
          .map((f) => f.name)
          .join('\n'),
        auto: found
          .filter((f) => f.key === 'auto')
          .map((f) => f.name)
          .join('\n'),
      },
      evidence: boundedEvidence(found, (f) => {
        const keyView = view[f.key];
        return { ...keyView.evidence(f.name, 'a name Windows reads'), name: showInvisible(f.name) };
      }),
    };
  },
};
