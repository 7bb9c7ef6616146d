/**
 * `revops data check`: evaluates every active validation rule of the model against every record
 * of its object, as Salesforce would on insert (no prior record, a user without the bypass
 * permission, NOW() at the dataset's anchor). Streams the dataset twice: first to index the
 * parent records rules reach through lookups (only the fields they read), then to evaluate.
 */
import type { FormulaField, RevOpsModel } from '../dsl/index.ts';
import { compileFormula, FormulaError, type CompiledFormula, type EvalContext } from '../formula/index.ts';
import { buildSchema } from '../schema/build.ts';
import type { Schema, SchemaObject } from '../schema/types.ts';
import { contractEndDay, parseDay } from './calendar.ts';
import { DatasetError, readManifest, type ManifestObject } from './manifest.ts';
import { readRecords, type DatasetRecord } from './reader.ts';
import { join } from 'node:path';

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

/** Something that kept a rule from being checked on a record (never silently a pass). */
export interface CheckProblem {
  readonly kind: 'unresolved-reference' | 'evaluation-error' | 'unsupported-rule' | 'missing-object';
  readonly message: string;
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

/** The user rules run as: an ordinary user, no custom permissions, UTC. */
export const CHECK_USER = {
  Id: '005000000000001AAA',
  Username: 'seed-data@revops-os.invalid',
  FirstName: 'Seed',
  LastName: 'Loader',
  Name: 'Seed Loader',
  Email: 'seed-data@revops-os.invalid',
  IsActive: true,
  TimeZoneSidKey: 'UTC',
  Profile: { Name: 'Standard User' },
} as const;

type FormulaRecord = Record<string, unknown>;
type Derive = (record: FormulaRecord) => unknown;

const FORECAST_API: Record<string, string> = {
  Pipeline: 'Pipeline',
  'Best Case': 'BestCase',
  Commit: 'Forecast',
  Closed: 'Closed',
  Omitted: 'Omitted',
};

/** Standard fields the org computes on insert (and a dataset therefore omits). */
function standardDerivations(model: RevOpsModel): Record<string, Record<string, Derive>> {
  const stages = new Map((model.opportunityStages?.stages ?? []).map((s) => [s.name, s]));
  const stage = (r: FormulaRecord) => stages.get(String(r.StageName));
  const converted = new Set((model.leadStatuses?.statuses ?? []).filter((s) => s.converted).map((s) => s.name));
  const fullName = (r: FormulaRecord) => [r.FirstName, r.LastName].filter(Boolean).join(' ') || null;
  return {
    Opportunity: {
      Probability: (r) => stage(r)?.probability ?? null,
      ForecastCategoryName: (r) => stage(r)?.forecast ?? null,
      ForecastCategory: (r) => FORECAST_API[stage(r)?.forecast ?? ''] ?? null,
      IsClosed: (r) => stage(r)?.closed ?? false,
      IsWon: (r) => stage(r)?.won ?? false,
      ExpectedRevenue: (r) =>
        typeof r.Amount === 'number'
          ? (r.Amount * ((r.Probability as number) ?? stage(r)?.probability ?? 0)) / 100
          : null,
    },
    Lead: { IsConverted: (r) => converted.has(String(r.Status)), Name: fullName },
    Contact: { Name: fullName },
    Contract: {
      EndDate: (r) => {
        const start = typeof r.StartDate === 'string' ? parseDay(r.StartDate) : undefined;
        return start === undefined || typeof r.ContractTerm !== 'number'
          ? null
          : new Date(contractEndDay(start, r.ContractTerm) * 86_400_000).toISOString().slice(0, 10);
      },
    },
  };
}

interface Rule {
  readonly object: string;
  readonly name: string;
  readonly message: string;
  readonly errorField: string | undefined;
  readonly compiled: CompiledFormula;
  /** First-hop relationships the rule reads through (a record whose parent is missing skips the rule). */
  readonly relations: readonly string[];
  evaluated: number;
  violations: number;
}

/** What must be known about each object's records for the rules to evaluate. */
class Needs {
  readonly fields = new Map<string, Set<string>>();
  readonly relations = new Map<string, Map<string, { idField: string; target: string }>>();
  readonly parents = new Set<string>();
  private readonly visitedFormulas = new Set<string>();
  private readonly schema: Schema;
  private readonly formulaOf: (object: string, field: string) => CompiledFormula | undefined;

  constructor(schema: Schema, formulaOf: (object: string, field: string) => CompiledFormula | undefined) {
    this.schema = schema;
    this.formulaOf = formulaOf;
  }

  private field(object: string, name: string): void {
    let set = this.fields.get(object);
    if (!set) this.fields.set(object, (set = new Set()));
    set.add(name);
  }

  /** `segments` after the root object: relationship names, then a field. Returns the first hop. */
  add(objectName: string, segments: readonly string[]): string | undefined {
    const object = this.schema.object(objectName);
    if (!object || !segments.length) return undefined;
    if (segments.length === 1) {
      const field = object.field(segments[0]!);
      if (!field) return undefined;
      this.field(object.name, field.name);
      const formula = this.formulaOf(object.name, field.name);
      const key = `${object.name}.${field.name}`;
      if (formula && !this.visitedFormulas.has(key)) {
        this.visitedFormulas.add(key);
        for (const ref of formula.checked.fields)
          if (!ref.path.startsWith('$')) this.add(object.name, ref.path.split('.').slice(1));
      }
      return undefined;
    }
    const relation = object.relationship(segments[0]!);
    const target = relation?.referenceTo?.[0];
    if (!relation?.relationshipName || !target) return undefined;
    let map = this.relations.get(object.name);
    if (!map) this.relations.set(object.name, (map = new Map()));
    map.set(relation.relationshipName, { idField: relation.name, target });
    this.field(object.name, relation.name);
    this.parents.add(target);
    this.add(target, segments.slice(1));
    return relation.relationshipName;
  }
}

export async function checkDataset(dir: string, options: CheckOptions): Promise<CheckResult> {
  const { model } = options;
  const schema = options.schema ?? buildSchema(model);
  const keep = options.maxViolations ?? 1000;
  const manifest = await readManifest(dir);
  const anchorDate = options.anchorDate ?? manifest.anchorDate;
  if (!anchorDate || parseDay(anchorDate) === undefined)
    throw new DatasetError(join(dir, 'manifest.json'), 'no anchorDate: pass one (--anchor-date) to evaluate TODAY()');
  const now = `${anchorDate}T12:00:00.000Z`;
  const problems: CheckProblem[] = [];
  let problemCount = 0;
  const problem = (kind: CheckProblem['kind'], message: string) => {
    problemCount++;
    if (problems.length < keep) problems.push({ kind, message });
  };

  // Formula fields and standard fields the org computes: rules may read them, datasets omit them.
  const derived = standardDerivations(model);
  const formulas = new Map<string, CompiledFormula | null>();
  const formulaOf = (object: string, field: string): CompiledFormula | undefined => {
    const key = `${object}.${field}`;
    if (!formulas.has(key)) {
      const def = model.objects.find((o) => o.apiName === object)?.fields[field] as FormulaField | undefined;
      let compiled: CompiledFormula | null = null;
      if (def?.type === 'Formula') {
        try {
          compiled = compileFormula(def.formula, {
            schema,
            object,
            context: 'formulaField',
            returnType: def.returns,
            blankAsZero: def.blanks === 'zero',
          });
        } catch (e) {
          problem(
            'unsupported-rule',
            `formula field ${key} cannot be evaluated: ${(e as Error).message.split('\n')[0]}`,
          );
        }
      }
      formulas.set(key, compiled);
    }
    return formulas.get(key) ?? undefined;
  };

  const needs = new Needs(schema, formulaOf);
  const rules: Rule[] = [];
  for (const def of model.validationRules.filter((r) => r.active)) {
    let compiled: CompiledFormula;
    try {
      compiled = compileFormula(def.formula, { schema, object: def.object, context: 'validationRule' });
    } catch (e) {
      problem(
        'unsupported-rule',
        `${def.object}.${def.name} cannot be evaluated: ${(e as Error).message.split('\n')[0]}`,
      );
      continue;
    }
    const relations = new Set<string>();
    for (const ref of compiled.checked.fields) {
      if (ref.path.startsWith('$')) continue;
      const hop = needs.add(def.object, ref.path.split('.').slice(1));
      if (hop) relations.add(hop);
    }
    rules.push({
      object: schema.object(def.object)?.name ?? def.object,
      name: def.name,
      message: def.message,
      errorField: def.errorField,
      compiled,
      relations: [...relations],
      evaluated: 0,
      violations: 0,
    });
  }

  const entries = new Map(manifest.objects.map((o) => [o.sobject, o]));
  const context = (record: FormulaRecord): EvalContext => ({
    record,
    prior: undefined,
    user: CHECK_USER,
    permissions: [],
    now,
    timeZone: 'UTC',
  });

  /** A dataset record as the formula engine reads it: lookups as ids (the parent's external id). */
  const lookups = new Map<string, Map<string, string>>();
  const lookupsOf = (object: SchemaObject) => {
    let map = lookups.get(object.name);
    if (!map) {
      map = new Map(
        object
          .fields()
          .filter((f) => f.type === 'reference' && f.relationshipName)
          .map((f) => [f.relationshipName!, f.name]),
      );
      lookups.set(object.name, map);
    }
    return map;
  };
  const toFormulaRecord = (object: SchemaObject, entry: ManifestObject, raw: DatasetRecord): FormulaRecord => {
    const relations = lookupsOf(object);
    const record: FormulaRecord = { Id: raw[entry.externalIdField] };
    for (const key in raw) {
      const idField = relations.get(key);
      if (idField) {
        const value = raw[key] as Record<string, unknown> | null;
        record[idField] = value && typeof value === 'object' ? (value[entry.externalIdField] ?? null) : null;
      } else {
        record[key] = raw[key];
      }
    }
    return record;
  };
  const completeFields = (object: string, record: FormulaRecord, fields: Iterable<string> | undefined) => {
    const byObject = derived[object];
    for (const field of fields ?? []) {
      if (record[field] !== undefined && record[field] !== null) continue;
      const derive = byObject?.[field];
      if (derive) record[field] = derive(record);
      else {
        const formula = formulaOf(object, field);
        if (formula) record[field] = formula(context(record));
      }
    }
  };

  // Pass 1: index the parents rules read through lookups, keeping only the fields they need.
  const index = new Map<string, Map<string, FormulaRecord>>();
  let records = 0;
  for (const parent of needs.parents) {
    const entry = entries.get(parent);
    const object = schema.object(parent);
    if (!entry || !object) continue;
    const fields = [...(needs.fields.get(object.name) ?? [])];
    const byId = new Map<string, FormulaRecord>();
    for await (const { record: raw } of readRecords(dir, entry)) {
      const full = toFormulaRecord(object, entry, raw);
      completeFields(object.name, full, fields);
      const compact: FormulaRecord = { Id: full.Id };
      for (const f of fields) compact[f] = full[f] ?? null;
      byId.set(full.Id as string, compact);
    }
    index.set(object.name, byId);
  }
  for (const parent of needs.parents)
    if (!index.has(schema.object(parent)?.name ?? parent))
      problem(
        'missing-object',
        `${parent} is not in the dataset: rules reading ${parent} fields through a lookup cannot be checked`,
      );

  const resolve = (object: string, id: string, depth: number): FormulaRecord | undefined => {
    const parent = index.get(object)?.get(id);
    const relations = needs.relations.get(object);
    if (!parent || !relations || depth > 5) return parent;
    const nested: FormulaRecord = { ...parent };
    for (const [name, { idField, target }] of relations) {
      const childId = parent[idField];
      nested[name] = typeof childId === 'string' ? (resolve(target, childId, depth + 1) ?? null) : null;
    }
    return nested;
  };

  // Pass 2: every record of every object (the reader checks the format), rules where there are any.
  const violations: RuleViolation[] = [];
  let violationCount = 0;
  const byObject = new Map<string, Rule[]>();
  for (const rule of rules) byObject.set(rule.object, [...(byObject.get(rule.object) ?? []), rule]);
  for (const entry of manifest.objects) {
    const object = schema.object(entry.sobject);
    const objectRules = (object && byObject.get(object.name)) || [];
    const relations = (object && needs.relations.get(object.name)) || new Map();
    const fields = object ? needs.fields.get(object.name) : undefined;
    const file = join(dir, entry.file);
    for await (const { line, record: raw } of readRecords(dir, entry)) {
      records++;
      if (!object || !objectRules.length) continue;
      const record = toFormulaRecord(object, entry, raw);
      const missing = new Set<string>();
      for (const [name, { idField, target }] of relations) {
        const id = record[idField];
        if (typeof id !== 'string') {
          record[name] = null;
          continue;
        }
        const parent = resolve(schema.object(target)?.name ?? target, id, 1);
        if (parent) record[name] = parent;
        else {
          missing.add(name);
          if (index.has(schema.object(target)?.name ?? target))
            problem(
              'unresolved-reference',
              `${file}:${line}: ${entry.sobject} ${record.Id}: ${name} → ${target} ${id} is not in the dataset`,
            );
        }
      }
      completeFields(object.name, record, fields);
      const ctx = context(record);
      for (const rule of objectRules) {
        if (rule.relations.some((r) => missing.has(r))) continue;
        rule.evaluated++;
        let fired: unknown;
        try {
          fired = rule.compiled(ctx);
        } catch (e) {
          if (!(e instanceof Error) || e instanceof DatasetError) throw e;
          const reason = e instanceof FormulaError ? e.reason : e.message;
          problem('evaluation-error', `${file}:${line}: ${entry.sobject} ${record.Id}: rule ${rule.name}: ${reason}`);
          continue;
        }
        if (fired !== true) continue;
        rule.violations++;
        violationCount++;
        if (violations.length < keep)
          violations.push({
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
  }

  const present = new Set(
    manifest.objects.filter((o) => o.count > 0).map((o) => schema.object(o.sobject)?.name ?? o.sobject),
  );
  return {
    dir,
    anchorDate,
    records,
    rules: rules.map((r) => ({ object: r.object, rule: r.name, evaluated: r.evaluated, violations: r.violations })),
    violations,
    violationCount,
    problems,
    problemCount,
    unexercised: rules.filter((r) => !present.has(r.object)).map((r) => `${r.object}.${r.name}`),
    ok: violationCount === 0 && problemCount === 0,
  };
}
