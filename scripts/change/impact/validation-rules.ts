/**
 * The validation-rule probe of `revops impact`: every active rule of each revision over every
 * record of the dataset, as a rep saving the record would meet it (data check's evaluation: no
 * prior record, no bypass permission, TODAY() at the dataset's anchor), through the same formula
 * engine for both revisions — so a difference is the rules', never the engine's. A record is
 * newly blocked by a rule when the rule fires on it at the new revision and did not at the old
 * one (a new rule counts every record it fires on); newly unblocked the other way round.
 */
import { checkDataset, type CheckResult } from '../../data/check.ts';
import type { RevOpsModel } from '../../families/registry.ts';
import type { ImpactEffect, ImpactProbe, ImpactProbeInput, ImpactSection, ImpactSubject } from './types.ts';

export const NEWLY_BLOCKED = 'newly blocked';
export const NEWLY_UNBLOCKED = 'newly unblocked';

type RuleDef = RevOpsModel['validationRules'][number];

/** What a rule is, for "did it change": everything that decides what it blocks and how it says so. */
const definitionOf = (r: RuleDef | undefined) =>
  r && JSON.stringify([r.formula, r.active, r.message, r.errorField ?? null]);

/** Rule → the external ids it fires on. */
function firing(result: CheckResult): Map<string, Set<string>> {
  const byRule = new Map<string, Set<string>>(result.rules.map((r) => [`${r.object}.${r.rule}`, new Set<string>()]));
  for (const v of result.violations) byRule.get(`${v.object}.${v.rule}`)?.add(v.externalId);
  return byRule;
}

function effect(kind: string, ids: readonly string[], examples: number): ImpactEffect {
  return { kind, count: ids.length, examples: [...ids].sort().slice(0, examples) };
}

/** Problems about rules rather than records. */
const RULE_PROBLEMS = new Set(['evaluation-error', 'unsupported-rule', 'missing-object']);

function warningsOf(result: CheckResult, name: string): string[] {
  const kinds = new Map<string, number>();
  for (const p of result.problems) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
  const warnings = result.problems
    .filter((p) => p.kind === 'unsupported-rule' || p.kind === 'missing-object')
    .map((p) => `${name}: ${p.message}`);
  const evaluation = kinds.get('evaluation-error') ?? 0;
  if (evaluation)
    warnings.push(
      `${name}: ${evaluation} evaluation(s) failed and count as not blocked (revops data check lists them)`,
    );
  const records = result.problems.filter((p) => !RULE_PROBLEMS.has(p.kind)).length;
  if (records > 0)
    warnings.push(
      `${name}: ${records} record problem(s) against this revision's schema (fields or values it does not have); the rules still ran on those records`,
    );
  return warnings;
}

/** Why a rule appears or disappears, in a reviewer's words. */
function noteOf(change: ImpactSubject['change'], defs: { before?: RuleDef; after?: RuleDef }): string | undefined {
  // An active rule missing from an evaluation is one the engine could not compile there.
  const unevaluated = 'it cannot be evaluated at one revision (see the warnings)';
  switch (change) {
    case 'added':
      return defs.before?.active ? unevaluated : defs.before ? 'activated' : 'a new rule';
    case 'removed':
      return defs.after?.active ? unevaluated : defs.after ? 'deactivated' : 'deleted';
    case 'unchanged':
      return 'the rule is the same; what it reads changed (a formula field, a picklist, a lookup)';
    default:
      return undefined;
  }
}

function subjectOf(
  key: string,
  defs: { before?: RuleDef; after?: RuleDef },
  fired: { before?: Set<string>; after?: Set<string> },
  examples: number,
): ImpactSubject | undefined {
  // A rule the model keeps but deactivates blocks nothing, whatever the evaluation returned for it.
  const live = (side: 'before' | 'after') => (defs[side]?.active === false ? undefined : fired[side]);
  const [liveBefore, liveAfter] = [live('before'), live('after')];
  if (!liveBefore && !liveAfter) return undefined;
  const before = liveBefore ?? new Set<string>();
  const after = liveAfter ?? new Set<string>();
  const blocked = [...after].filter((id) => !before.has(id));
  const unblocked = [...before].filter((id) => !after.has(id));
  const change =
    !liveBefore && liveAfter
      ? 'added'
      : liveBefore && !liveAfter
        ? 'removed'
        : definitionOf(defs.before) === definitionOf(defs.after)
          ? 'unchanged'
          : 'changed';
  if (change === 'unchanged' && !blocked.length && !unblocked.length) return undefined;
  const note = noteOf(change, defs);
  const [object] = key.split('.');
  return {
    subject: `ValidationRule ${key}`,
    object: object!,
    change,
    before: before.size,
    after: after.size,
    effects: [effect(NEWLY_BLOCKED, blocked, examples), effect(NEWLY_UNBLOCKED, unblocked, examples)].filter(
      (e) => e.count > 0,
    ),
    ...(note ? { note } : {}),
  };
}

export const validationRulesProbe: ImpactProbe = {
  name: 'validation-rules',
  title: 'Validation rules',
  async run(input: ImpactProbeInput): Promise<ImpactSection> {
    // Every violation is kept: the comparison needs each record, not a count.
    const all = Number.MAX_SAFE_INTEGER;
    const before = await checkDataset(input.dataset, { model: input.before, maxViolations: all });
    const after = await checkDataset(input.dataset, { model: input.after, maxViolations: all });
    const firedBefore = firing(before);
    const firedAfter = firing(after);
    const defs = (model: RevOpsModel) => new Map(model.validationRules.map((r) => [`${r.object}.${r.name}`, r]));
    const [defsBefore, defsAfter] = [defs(input.before), defs(input.after)];
    const keys = [...new Set([...firedBefore.keys(), ...firedAfter.keys()])].sort();
    const subjects = keys.flatMap((key) => {
      const s = subjectOf(
        key,
        { before: defsBefore.get(key), after: defsAfter.get(key) },
        { before: firedBefore.get(key), after: firedAfter.get(key) },
        input.examples,
      );
      return s ? [s] : [];
    });
    const totals: Record<string, number> = { [NEWLY_BLOCKED]: 0, [NEWLY_UNBLOCKED]: 0 };
    for (const e of subjects.flatMap((s) => s.effects)) totals[e.kind] = (totals[e.kind] ?? 0) + e.count;
    return {
      probe: this.name,
      title: this.title,
      evaluated: keys.length,
      subjects,
      totals,
      warnings: [...warningsOf(before, input.beforeName), ...warningsOf(after, input.afterName)],
    };
  },
};
