/**
 * The territory model evaluated offline, as Enterprise Territory Management would: an account
 * falls in every territory whose rule items all hold (`equals` with several values matches any
 * of them); ownership inherits down the hierarchy to territories without an owner of their own.
 */
import type { TerritoryDef, TerritoryDesignDef, TerritoryRuleItem } from '../dsl/index.ts';

export type AccountFields = Readonly<Record<string, unknown>>;

function itemHolds(item: TerritoryRuleItem, account: AccountFields): boolean {
  const raw = account[item.field];
  const value = raw === null || raw === undefined ? '' : String(raw);
  const any = (f: (v: string) => boolean) => item.values.some(f);
  switch (item.operation) {
    case 'equals':
      return any((v) => v === value);
    case 'notEqual':
      return !any((v) => v === value);
    case 'contains':
      return any((v) => value.toLowerCase().includes(v.toLowerCase()));
    case 'startsWith':
      return any((v) => value.toLowerCase().startsWith(v.toLowerCase()));
    case 'includes':
      return any((v) => value.split(';').includes(v));
    case 'excludes':
      return !any((v) => value.split(';').includes(v));
  }
}

/** Territories with a rule, in model order, whose rule the account satisfies. */
export const ruleTerritories = (design: TerritoryDesignDef, account: AccountFields): TerritoryDef[] =>
  design.territories.filter((t) => t.rule?.length && t.rule.every((item) => itemHolds(item, account)));

/** Territories nothing else names as parent. */
export const leafTerritories = (design: TerritoryDesignDef): TerritoryDef[] => {
  const parents = new Set(design.territories.map((t) => t.parent));
  return design.territories.filter((t) => !parents.has(t.name));
};

/**
 * The owner of a territory: its own, else the nearest ancestor's (000 §3 parent/child
 * inheritance). `from` is the territory the owner was found on.
 */
export function effectiveOwner(
  design: TerritoryDesignDef,
  owners: ReadonlyMap<string, string>,
  territory: string,
): { user: string; from: string } | undefined {
  const byName = new Map(design.territories.map((t) => [t.name, t]));
  const seen = new Set<string>();
  for (let at: string | undefined = territory; at && !seen.has(at); at = byName.get(at)?.parent) {
    seen.add(at);
    const user = owners.get(at);
    if (user) return { user, from: at };
  }
  return undefined;
}
