/**
 * `revops data check`: checks every record against the model's schema (fields, types, lengths,
 * picklist values, required fields, unique external ids, lookups that resolve), and evaluates
 * every active validation rule of the model against every record of its object, as Salesforce
 * would on insert (no prior record, a user without the bypass permission, NOW() at the dataset's
 * anchor). Streams the dataset twice: first to index the parent records rules reach through
 * lookups (only the fields they read), then to check and evaluate.
 */
import { join } from 'node:path';
import type { RevOpsModel } from '../dsl/index.ts';
import { FormulaError } from '../formula/index.ts';
import { buildSchema } from '../schema/build.ts';
import type { Schema } from '../schema/types.ts';
import { FormulaView, ParentIndex } from './check-records.ts';
import { compileRules, type CompiledRules, type FormulaRecord, type Rule } from './check-rules.ts';
import { DatasetError, describeProblem, type RecordProblem } from './errors.ts';
import { openDataset, MANIFEST_FILE, type ManifestObject } from './manifest.ts';
import { parseAnchorDate } from './options.ts';
import { readRecords } from './reader.ts';
import type { RecordChecker } from './record-check.ts';
import { recordChecker } from './validate.ts';

export interface CheckOptions {
  readonly model: RevOpsModel;
  readonly schema?: Schema;
  /** "Today" for TODAY()/NOW(); defaults to the manifest's anchorDate. */
  readonly anchorDate?: string;
  /** How many violations (and problems) to keep in the result; all are counted. */
  readonly maxViolations?: number;
}

export interface RuleViolation {
  readonly object: string;
  readonly rule: string;
  readonly externalId: string;
  readonly message: string;
  readonly errorField: string | undefined;
  readonly file: string;
  readonly line: number;
}

export interface RuleSummary {
  readonly object: string;
  readonly rule: string;
  readonly evaluated: number;
  readonly violations: number;
}

/**
 * A record the model's schema refuses (its file, line, record and field are set), or something
 * that kept a rule from being checked on a record (never silently a pass).
 */
export interface CheckProblem {
  readonly kind: RecordProblem['kind'] | 'evaluation-error' | 'unsupported-rule' | 'missing-object';
  /** One line: `file:line: Object EXT-1: Field problem`, or what kept rules from running. */
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly externalId?: string;
  readonly field?: string;
}

export interface CheckResult {
  readonly dir: string;
  readonly anchorDate: string;
  /** Records read (every object of the manifest). */
  readonly records: number;
  readonly rules: readonly RuleSummary[];
  readonly violations: readonly RuleViolation[];
  readonly violationCount: number;
  readonly problems: readonly CheckProblem[];
  readonly problemCount: number;
  /** Active rules whose object has no records in the dataset. */
  readonly unexercised: readonly string[];
  readonly ok: boolean;
}

/** Collects what kept rules from being checked: all are counted, the first `keep` kept. */
class ProblemLog {
  readonly kept: CheckProblem[] = [];
  count = 0;
  private readonly keep: number;
  constructor(keep: number) {
    this.keep = keep;
  }
  add(kind: CheckProblem['kind'], message: string): void {
    this.count++;
    if (this.kept.length < this.keep) this.kept.push({ kind, message });
  }
  record(problem: RecordProblem): void {
    this.count++;
    if (this.kept.length < this.keep)
      this.kept.push({
        kind: problem.kind,
        message: describeProblem(problem),
        file: problem.file,
        line: problem.line,
        externalId: problem.externalId,
        field: problem.field,
      });
  }
}

/** The tallies of the evaluation pass. */
interface Evaluation {
  records: number;
  violationCount: number;
  readonly violations: RuleViolation[];
  readonly keep: number;
}

/**
 * The parents the rules of the objects in the dataset read through lookups (hop after hop). A
 * parent only rules of absent objects read is no gap: those rules have no record to check.
 */
function parentsReached(
  relations: ReadonlyMap<string, ReadonlyMap<string, { readonly target: string }>>,
  present: ReadonlySet<string>,
): Set<string> {
  const reached = new Set<string>();
  const queue = [...present];
  for (let object = queue.shift(); object !== undefined; object = queue.shift())
    for (const { target } of relations.get(object)?.values() ?? [])
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
  return reached;
}

export async function checkDataset(dir: string, options: CheckOptions): Promise<CheckResult> {
  const { model } = options;
  const schema = options.schema ?? buildSchema(model);
  const keep = options.maxViolations ?? 1000;
  const { manifest } = await openDataset(dir);
  const anchorDate = options.anchorDate === undefined ? manifest.anchorDate : parseAnchorDate(options.anchorDate);
  if (!anchorDate)
    throw new DatasetError(
      join(dir, MANIFEST_FILE),
      'has no anchorDate, the "today" TODAY() is evaluated at',
      undefined,
      {
        name: 'DatasetNoAnchorDate',
        actions: ['Pass --anchor-date YYYY-MM-DD', 'or add "anchorDate": "YYYY-MM-DD" to manifest.json'],
      },
    );
  const problems = new ProblemLog(keep);
  const checker = recordChecker(manifest, { model, schema, report: (p) => problems.record(p) });

  // Formula fields and standard fields the org computes: rules may read them, datasets omit them.
  const compiled = compileRules(model, schema, (message) => problems.add('unsupported-rule', message));
  const view = new FormulaView(compiled, `${anchorDate}T12:00:00.000Z`);

  const present = new Set(
    manifest.objects.filter((o) => o.count > 0).map((o) => schema.object(o.sobject)?.name ?? o.sobject),
  );

  // Pass 1: index the parents rules read through lookups, keeping only the fields they need.
  const parents = await ParentIndex.build(dir, manifest, schema, compiled, view);
  for (const parent of parentsReached(compiled.needs.relations, present))
    if (!parents.has(schema.object(parent)?.name ?? parent))
      problems.add(
        'missing-object',
        `${parent} is not in the dataset: rules reading ${parent} fields through a lookup cannot be checked`,
      );

  // Pass 2: every record of every object (the reader checks the format), rules where there are any.
  const evaluation: Evaluation = { records: 0, violationCount: 0, violations: [], keep };
  const byObject = new Map<string, Rule[]>();
  for (const rule of compiled.rules) byObject.set(rule.object, [...(byObject.get(rule.object) ?? []), rule]);
  for (const entry of manifest.objects)
    await evaluateObject(dir, entry, { schema, compiled, view, parents, problems, byObject, evaluation, checker });
  checker.finish();

  const { rules } = compiled;
  return {
    dir,
    anchorDate,
    records: evaluation.records,
    rules: rules.map((r) => ({ object: r.object, rule: r.name, evaluated: r.evaluated, violations: r.violations })),
    violations: evaluation.violations,
    violationCount: evaluation.violationCount,
    problems: problems.kept,
    problemCount: problems.count,
    unexercised: rules.filter((r) => !present.has(r.object)).map((r) => `${r.object}.${r.name}`),
    ok: evaluation.violationCount === 0 && problems.count === 0,
  };
}

interface ObjectPass {
  readonly schema: Schema;
  readonly compiled: CompiledRules;
  readonly view: FormulaView;
  readonly parents: ParentIndex;
  readonly problems: ProblemLog;
  readonly byObject: ReadonlyMap<string, readonly Rule[]>;
  readonly evaluation: Evaluation;
  readonly checker: RecordChecker;
}

/** Reads every record of one object (the reader checks the format), checks it, and runs its rules on it. */
async function evaluateObject(dir: string, entry: ManifestObject, pass: ObjectPass): Promise<void> {
  const { schema, view, evaluation } = pass;
  const object = schema.object(entry.sobject);
  const objectRules = (object && pass.byObject.get(object.name)) || [];
  const fields = object ? pass.compiled.needs.fields.get(object.name) : undefined;
  const file = join(dir, entry.file);
  const recordCheck = pass.checker.object(entry, file);
  for await (const { line, record: raw } of readRecords(dir, entry)) {
    evaluation.records++;
    recordCheck.visit(line, raw);
    if (!object || !objectRules.length) continue;
    const record = view.record(object, entry, raw);
    const missing = attachParents(object.name, record, pass);
    view.complete(object.name, record, fields);
    const ctx = view.context(record);
    for (const rule of objectRules) {
      if (rule.relations.some((r) => missing.has(r))) continue;
      rule.evaluated++;
      let fired: unknown;
      try {
        fired = rule.compiled(ctx);
      } catch (e) {
        if (!(e instanceof Error) || e instanceof DatasetError) throw e;
        const reason = e instanceof FormulaError ? e.reason : e.message;
        pass.problems.add(
          'evaluation-error',
          `${file}:${line}: ${entry.sobject} ${record.Id}: rule ${rule.name}: ${reason}`,
        );
        continue;
      }
      if (fired !== true) continue;
      rule.violations++;
      evaluation.violationCount++;
      if (evaluation.violations.length < evaluation.keep)
        evaluation.violations.push({
          object: entry.sobject,
          rule: rule.name,
          externalId: String(record.Id),
          message: rule.message,
          errorField: rule.errorField,
          file,
          line,
        });
    }
  }
  recordCheck.end();
}

/**
 * Nests the parents the rules read into `record`; returns the relationships whose parent is
 * missing (their rules are skipped for the record; the record check reports the lookup).
 */
function attachParents(object: string, record: FormulaRecord, pass: ObjectPass): Set<string> {
  const { schema, parents } = pass;
  const missing = new Set<string>();
  for (const [name, { idField, target }] of pass.compiled.needs.relations.get(object) ?? new Map()) {
    const id = record[idField];
    if (typeof id !== 'string') {
      record[name] = null;
      continue;
    }
    const parent = parents.resolve(schema.object(target)?.name ?? target, id, 1);
    if (parent) record[name] = parent;
    else missing.add(name);
  }
  return missing;
}
