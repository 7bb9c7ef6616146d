import { originOf, type RevOpsModel } from '../dsl/index.ts';
import { check, FormulaError, type CheckOptions } from '../formula/index.ts';
import type { Schema } from '../schema/types.ts';
import type { Finding } from './findings.ts';

interface ModelFormula {
  readonly component: string;
  readonly definition: object;
  readonly source: string;
  readonly options: Omit<CheckOptions, 'schema'>;
}

/** Every formula of the model with how Salesforce will check it. */
export function modelFormulas(model: RevOpsModel): ModelFormula[] {
  const rules = model.validationRules.map((rule) => ({
    component: `ValidationRule ${rule.object}.${rule.name}`,
    definition: rule,
    source: rule.formula,
    options: { object: rule.object, context: 'validationRule' as const },
  }));
  const fields = model.objects.flatMap((object) =>
    Object.entries(object.fields).flatMap(([name, field]) =>
      field.type === 'Formula'
        ? [
            {
              component: `CustomField ${object.apiName}.${name}`,
              definition: object,
              source: field.formula,
              options: {
                object: object.apiName,
                context: 'formulaField' as const,
                returnType: field.returns,
                blankAsZero: field.blanks === 'zero',
              },
            },
          ]
        : [],
    ),
  );
  const returnTypes = {
    Boolean: 'checkbox',
    Currency: 'currency',
    Date: 'date',
    DateTime: 'datetime',
    Number: 'number',
    String: 'text',
  } as const;
  const flows = model.flows.flatMap((flow) =>
    Object.entries(flow.formulas).flatMap(([name, f]) =>
      flow.start.object
        ? [
            {
              component: `Flow ${flow.name} (formula ${name})`,
              definition: flow,
              source: f.expression,
              options: { object: flow.start.object, context: 'flow' as const, returnType: returnTypes[f.dataType] },
            },
          ]
        : [],
    ),
  );
  return [...rules, ...fields, ...flows];
}

/**
 * Parses and type-checks every formula of the model (validation rules, formula fields, flow formulas) against the schema the model defines:
 * unknown fields, picklists compared with `=`, wrong argument or return types are errors that
 * point into the formula.
 */
export function checkFormulas(
  model: RevOpsModel,
  schema: Schema,
): { errors: Finding[]; warnings: Finding[]; checked: number } {
  const errors: Finding[] = [];
  const formulas = modelFormulas(model);
  for (const f of formulas) {
    try {
      check(f.source, { ...f.options, schema });
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      errors.push({
        check: 'formulas',
        location: originOf(f.definition) ?? 'model',
        component: f.component,
        message: error.message,
      });
    }
  }
  return { errors, warnings: [], checked: formulas.length };
}
