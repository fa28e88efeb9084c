import { RULE_PACKS } from '../lib/rules/index.ts';

const descriptions = new Map(
  RULE_PACKS.flatMap((pack) => pack.rules.map((rule) => [rule.id, rule.description] as const)),
);

/** What a check looks at and why it matters, from its rule's definition. */
export function ruleDescription(id: string): string {
  return descriptions.get(id) ?? '';
}
