/**
 * The rules `data check` evaluates, compiled once: every active validation rule of the model,
 * the formula fields those rules read (compiled on first use), the standard fields the org
 * computes on insert, and what each object's records must carry for the rules to evaluate
 * (the fields read, and the parents reached through lookups).
 */
import {
  FORECAST_CATEGORY_LABEL,
  FORECAST_CATEGORY_METADATA,
  type FormulaField,
  type RevOpsModel,
} from '../dsl/index.ts';
import { compileFormula, type CompiledFormula } from '../formula/index.ts';
import type { Schema } from '../schema/types.ts';
import { contractEndDay, parseDay } from './calendar.ts';

export type FormulaRecord = Record<string, unknown>;
type Derive = (record: FormulaRecord) => unknown;
export type Derivations = Readonly<Record<string, Readonly<Record<string, Derive>>>>;
export type FormulaOf = (object: string, field: string) => CompiledFormula | undefined;

/** Reports something that keeps a rule from being checked (see CheckProblem). */
export type ReportUnsupported = (message: string) => void;

export interface Rule {
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

export interface CompiledRules {
  readonly rules: readonly Rule[];
  readonly needs: Needs;
  readonly formulaOf: FormulaOf;
  readonly derived: Derivations;
}

/** Standard fields the org computes on insert (and a dataset therefore omits). */
function standardDerivations(model: RevOpsModel): Derivations {
  const stages = new Map((model.opportunityStages?.stages ?? []).map((s) => [s.name, s]));
  const stage = (r: FormulaRecord) => stages.get(String(r.StageName));
  const converted = new Set((model.leadStatuses?.statuses ?? []).filter((s) => s.converted).map((s) => s.name));
  const fullName = (r: FormulaRecord) => [r.FirstName, r.LastName].filter(Boolean).join(' ') || null;
  return {
    Opportunity: {
      Probability: (r) => stage(r)?.probability ?? null,
      // The org's picklist has no Upside: an Upside stage is Pipeline there (stages/emit.ts).
      ForecastCategoryName: (r) => {
        const forecast = stage(r)?.forecast;
        return forecast ? FORECAST_CATEGORY_LABEL[forecast] : null;
      },
      ForecastCategory: (r) => {
        const forecast = stage(r)?.forecast;
        return forecast ? FORECAST_CATEGORY_METADATA[forecast] : null;
      },
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

/** What must be known about each object's records for the rules to evaluate. */
export class Needs {
  readonly fields = new Map<string, Set<string>>();
  readonly relations = new Map<string, Map<string, { idField: string; target: string }>>();
  readonly parents = new Set<string>();
  private readonly visitedFormulas = new Set<string>();
  private readonly schema: Schema;
  private readonly formulaOf: FormulaOf;

  constructor(schema: Schema, formulaOf: FormulaOf) {
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

/** Formula fields compile on first use: only those a rule reaches are needed. */
function formulaFields(model: RevOpsModel, schema: Schema, unsupported: ReportUnsupported): FormulaOf {
  const formulas = new Map<string, CompiledFormula | null>();
  return (object, field) => {
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
          unsupported(`formula field ${key} cannot be evaluated: ${(e as Error).message.split('\n')[0]}`);
        }
      }
      formulas.set(key, compiled);
    }
    return formulas.get(key) ?? undefined;
  };
}

/** Every active rule compiled; a rule the engine cannot compile is reported, never skipped silently. */
export function compileRules(model: RevOpsModel, schema: Schema, unsupported: ReportUnsupported): CompiledRules {
  const formulaOf = formulaFields(model, schema, unsupported);
  const needs = new Needs(schema, formulaOf);
  const rules: Rule[] = [];
  for (const def of model.validationRules.filter((r) => r.active)) {
    let compiled: CompiledFormula;
    try {
      compiled = compileFormula(def.formula, { schema, object: def.object, context: 'validationRule' });
    } catch (e) {
      unsupported(`${def.object}.${def.name} cannot be evaluated: ${(e as Error).message.split('\n')[0]}`);
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
  return { rules, needs, formulaOf, derived: standardDerivations(model) };
}
