/** Salesforce's rules for sharing rules: an org-wide default to open, the model's groups, criteria it can read. */
import type { CheckContext } from '../../core/checks.ts';
import { fieldPath, type SharingModel } from '../../core/model-types.ts';
import type { ObjectsModel } from '../objects/objects.ts';
import type { RolesModel } from '../roles/builders.ts';
import type { SharingRuleDef, SharingRulesModel } from './builders.ts';

export type SharingCheckModel = SharingRulesModel & ObjectsModel & RolesModel;

/** Defaults a sharing rule can open up; Salesforce refuses rules on the others. */
const SHAREABLE: readonly SharingModel[] = ['Private', 'Read', 'PublicReadOnly'];

/** The org-wide default the model sets for an object (custom objects always have one). */
export function orgWideDefault(model: ObjectsModel, object: string): SharingModel | undefined {
  return model.objects.find((o) => o.apiName.toLowerCase() === object.toLowerCase())?.sharingModel;
}

export function checkSharing(model: SharingCheckModel, check: CheckContext): void {
  const groups = new Set(model.publicGroups.map((g) => g.name));
  check.unique(
    model.sharingRules,
    (r) => `${r.object}.${r.name}`,
    (r) => `SharingRule ${r.object}.${r.name}`,
    'sharing rule',
  );
  for (const rule of model.sharingRules) checkRule(model, rule, groups, check);
}

function checkRule(model: SharingCheckModel, rule: SharingRuleDef, groups: Set<string>, check: CheckContext): void {
  const c = `SharingRule ${rule.object}.${rule.name}`;
  check.apiName(rule, c, rule.name);
  if (!model.objects.some((o) => o.apiName === rule.object))
    return check.report(rule, c, `names ${rule.object}, which is not an object of the model`);
  const owd = orgWideDefault(model, rule.object);
  if (!owd)
    check.report(
      rule,
      c,
      `${rule.object} has no org-wide default in the model: set its sharingModel (Private or Read) so the rule has something to open`,
    );
  else if (!SHAREABLE.includes(owd))
    check.report(
      rule,
      c,
      `${rule.object}'s org-wide default is ${owd}: Salesforce takes sharing rules only on Private or Read`,
    );
  else if (owd !== 'Private' && rule.access === 'Read')
    check.report(rule, c, `grants Read on ${rule.object}, whose org-wide default already lets everyone read`);
  if (!groups.has(rule.sharedTo))
    check.report(rule, c, `shares to ${rule.sharedTo}, which is not a public group of the model`);
  if (rule.ownedBy !== undefined && !groups.has(rule.ownedBy))
    check.report(rule, c, `shares records owned by ${rule.ownedBy}, which is not a public group of the model`);
  if ((rule.ownedBy === undefined) === (rule.criteria === undefined))
    check.report(rule, c, 'a sharing rule shares by owner (ownedBy) or by criteria, exactly one of them');
  if (rule.criteria !== undefined && rule.criteria.length === 0) check.report(rule, c, 'has no criteria');
  for (const criterion of rule.criteria ?? []) {
    if (criterion.field.object !== rule.object)
      check.report(rule, c, `criterion on ${fieldPath(criterion.field)}: criteria read ${rule.object}'s own fields`);
    check.fieldExists(rule, c, criterion.field, 'criterion');
    const field = check.schema.object(criterion.field.object)?.field(criterion.field.field);
    if (!field) continue;
    if (field.calculated)
      check.report(
        rule,
        c,
        `criterion on formula field ${fieldPath(criterion.field)}: sharing criteria cannot read formulas`,
      );
    const allowed = field.picklistValues;
    if (field.type === 'picklist' && allowed)
      for (const v of criterion.values)
        if (!allowed.includes(v))
          check.report(rule, c, `criterion value "${v}" is not a value of ${fieldPath(criterion.field)}`);
    if (!criterion.values.length) check.report(rule, c, `criterion on ${fieldPath(criterion.field)} has no value`);
  }
}
