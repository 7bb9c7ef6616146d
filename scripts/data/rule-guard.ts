/**
 * Lets a generator ask the model's own validation rules which of several plausible values a
 * record may hold when it is inserted (no prior record, a user without custom permissions, NOW()
 * at the anchor). Where a domain decision depends on governance — which approval status a
 * discount can be seeded with, which status an overdue commitment can have — the generator
 * offers candidates in order of preference and keeps the first the rules accept, so a rule the
 * lead developer tightens changes the data instead of breaking it.
 */
import type { RevOpsModel } from '../dsl/index.ts';
import { compileFormula, type CompiledFormula } from '../formula/index.ts';
import type { Schema } from '../schema/types.ts';
import { formatDateTime, formatDay } from './calendar.ts';

/** Field values by API name, as generators hold them (days and epoch ms for dates). */
type Values = Record<string, unknown>;
type FormulaRecord = Record<string, unknown>;

/** What the guard reads of the generator's world (declared here so world.ts can build a guard). */
export interface GuardedWorld {
  readonly model: RevOpsModel;
  readonly schema: Schema;
  /** NOW() for the rules: the anchor instant. */
  readonly nowMs: number;
}

export class RuleGuard {
  private readonly world: GuardedWorld;
  private readonly now: string;
  private readonly compiled = new Map<string, readonly { rule: CompiledFormula; reads: ReadonlySet<string> }[]>();

  constructor(world: GuardedWorld) {
    this.world = world;
    this.now = formatDateTime(world.nowMs);
  }

  private rules(object: string) {
    let rules = this.compiled.get(object);
    if (!rules) {
      rules = this.world.model.validationRules
        .filter((r) => r.active && r.object === object)
        .flatMap((r) => {
          try {
            const rule = compileFormula(r.formula, { schema: this.world.schema, object, context: 'validationRule' });
            return [{ rule, reads: new Set(rule.checked.fields.map((f) => f.path.split('.').slice(1).join('.'))) }];
          } catch {
            return []; // `revops verify` and `data check` report rules the engine cannot compile
          }
        });
      this.compiled.set(object, rules);
    }
    return rules;
  }

  /** Generator values (days, epoch ms, parent external ids) as the formula engine reads them. */
  private formulaRecord(object: string, values: Values, parents: FormulaRecord): FormulaRecord {
    const described = this.world.schema.object(object);
    const record: FormulaRecord = { Id: values.External_Id__c, ...parents };
    for (const [key, value] of Object.entries(values)) {
      const type = described?.field(key)?.type;
      record[key] =
        typeof value === 'number' && type === 'date'
          ? formatDay(value)
          : typeof value === 'number' && type === 'datetime'
            ? formatDateTime(value)
            : value;
    }
    return record;
  }

  /** Does any active rule of `object` that reads one of `fields` fire on `values`? */
  fires(object: string, values: Values, fields: readonly string[], parents: FormulaRecord = {}): boolean {
    const relevant = this.rules(object).filter((r) => fields.some((f) => r.reads.has(f)));
    if (!relevant.length) return false;
    const ctx = {
      record: this.formulaRecord(object, values, parents),
      permissions: [],
      now: this.now,
      timeZone: 'UTC',
    };
    return relevant.some(({ rule }) => {
      try {
        return rule(ctx) === true;
      } catch {
        return true;
      }
    });
  }

  /** The first candidate (merged over `values`) no rule reading the candidate's fields rejects. */
  choose(
    object: string,
    values: Values,
    candidates: readonly Values[],
    parents: FormulaRecord = {},
  ): Values | undefined {
    return candidates.find((c) => !this.fires(object, { ...values, ...c }, Object.keys(c), parents));
  }
}

/** Choices ordered for `RuleGuard.choose`: one drawn by weight first, then the rest by weight. */
export function preferenceOrder<T>(draw: number, choices: readonly (readonly [T, number])[]): T[] {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let r = draw * total;
  const first = choices.find(([, w]) => (r -= w) < 0) ?? choices[choices.length - 1]!;
  return [
    first[0],
    ...[...choices]
      .filter((c) => c !== first)
      .sort((a, b) => b[1] - a[1])
      .map(([v]) => v),
  ];
}
