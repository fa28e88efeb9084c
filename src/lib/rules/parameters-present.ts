// The check two packs share: is Guest\Parameters in the input? Windows Update reads the host's
// version there ("if KVP has never been enabled, these keys will not exist", 2014 blog
// "Integration components: How we determine Windows Update applicability"), and the host writes
// its description there when Data Exchange connects ("Data Exchange: Using key-value pairs…").
// It reads the input only: a what-if host version does not make the key appear.

import {
  ENABLE_DATA_EXCHANGE,
  ENABLE_DATA_EXCHANGE_SUMMARY,
  SHOW_DISABLE_HOST_KVP_ITEMS,
  makeFix,
} from './fixes.ts';
import { DOCS } from './references.ts';
import type { Rule, RuleOutcome } from './types.ts';

export const PARAMETERS_PRESENT = 'kvp-parameters-present';

export const parametersPresentRule: Rule = {
  id: PARAMETERS_PRESENT,
  title: 'Guest\\Parameters key present',
  failureTitle: 'Guest\\Parameters key missing',
  description:
    'The host writes its own description into HKLM\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters when Data Exchange connects, and Windows Update reads the host version from there: without the key, no integration-component update is offered.',
  references: [DOCS.dataExchange, DOCS.icApplicability],
  requires: [],
  messages: {
    present: 'The key {{path}} is in the file ({{where}}) with {{count}} values.',
    absent:
      'The key Guest\\Parameters is not in the file: Data Exchange has never run in this guest, or the host withholds its values.',
    absentWithAuto:
      'The key Guest\\Parameters is not in the file, but Virtual Machine\\Auto is: the guest’s integration services run, so Data Exchange is off for this VM on the host, or the host withholds its values (DisableHostKVPItems).',
    deleted: 'The file deletes the key Guest\\Parameters ({{where}}).',
    notCollected:
      'This kind of input does not carry Guest\\Parameters (the host’s view of a guest holds only what the guest reports), so this cannot be decided from it.',
  },
  blocks: {
    absent: 'the file has no Guest\\Parameters key',
    absentWithAuto: 'the file has no Guest\\Parameters key',
    deleted: 'the file deletes the Guest\\Parameters key',
    notCollected: 'this input does not carry Guest\\Parameters',
  },
  fix: {
    absent: (context) => makeFix(context, ENABLE_DATA_EXCHANGE_SUMMARY, ENABLE_DATA_EXCHANGE),
    absentWithAuto: (context) =>
      makeFix(
        context,
        `${ENABLE_DATA_EXCHANGE_SUMMARY} Then check on the host that DisableHostKVPItems is not True for this VM.`,
        ENABLE_DATA_EXCHANGE,
        SHOW_DISABLE_HOST_KVP_ITEMS,
      ),
    deleted: (context) => makeFix(context, ENABLE_DATA_EXCHANGE_SUMMARY, ENABLE_DATA_EXCHANGE),
  },
  evaluate({ view }): RuleOutcome {
    const { parameters, auto } = view;
    const evidence = [parameters.keyEvidence('present')];
    const { facts } = parameters;
    const where = facts.line === null ? 'position unknown' : parameters.where(facts.line);
    switch (facts.state) {
      case 'present':
        return {
          status: 'pass',
          messageId: 'present',
          data: { path: facts.path, where, count: facts.values.length },
          evidence,
        };
      case 'deleted':
        return { status: 'fail', messageId: 'deleted', data: { where }, evidence };
      case 'not-collected':
        return { status: 'incomplete', messageId: 'notCollected', evidence };
      default: {
        const messageId = auto.state === 'present' ? 'absentWithAuto' : 'absent';
        return { status: 'fail', messageId, evidence };
      }
    }
  },
};
