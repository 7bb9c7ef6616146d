/**
 * Record sharing: the sharing rules that open records beyond their org-wide default (the
 * objects family sets the defaults: `sharingModel`) to public groups (the roles family's). A
 * role's permission set group says what its users may do; its public group which records they reach.
 */
import type { FieldRef } from '../../core/model-types.ts';

/** A public group as a rule names it (the roles family defines them). */
interface GroupRef {
  readonly name: string;
}

/** How a criteria-based rule compares a field (FilterItem operations; `equals "A,B"` matches A or B). */
export type SharingOperation = 'equals' | 'notEqual' | 'lessThan' | 'greaterThan' | 'lessOrEqual' | 'greaterOrEqual';

export interface SharingCriterion {
  readonly field: FieldRef;
  readonly operation: SharingOperation;
  /** One value, or picklist values any of which matches (`equals`) or none of which (`notEqual`). */
  readonly values: readonly string[];
}

/** Read or Read/Write, granted to a public group on records that match (criteria) or that members of a group own. */
export interface SharingRuleDef {
  readonly kind: 'sharingRule';
  readonly object: string;
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly access: 'Read' | 'Edit';
  readonly sharedTo: string;
  /** Criteria-based: every criterion holds. */
  readonly criteria?: readonly SharingCriterion[];
  /** Owner-based: records owned by members of this group. */
  readonly ownedBy?: string;
  readonly locked?: boolean;
}

interface RuleOptions {
  label: string;
  description?: string;
  access: 'Read' | 'Edit';
  to: GroupRef;
  locked?: boolean;
}

/** Shares the records that meet every criterion with a group. */
export const sharingCriteriaRule = (
  object: { apiName: string },
  name: string,
  o: RuleOptions & { criteria: readonly SharingCriterion[] },
): SharingRuleDef => ({
  kind: 'sharingRule',
  object: object.apiName,
  name,
  label: o.label,
  description: o.description,
  access: o.access,
  sharedTo: o.to.name,
  criteria: o.criteria,
  locked: o.locked,
});

/** Shares the records owned by members of one group with another. */
export const sharingOwnerRule = (
  object: { apiName: string },
  name: string,
  o: RuleOptions & { ownedBy: GroupRef },
): SharingRuleDef => ({
  kind: 'sharingRule',
  object: object.apiName,
  name,
  label: o.label,
  description: o.description,
  access: o.access,
  sharedTo: o.to.name,
  ownedBy: o.ownedBy.name,
  locked: o.locked,
});

/** `{ field, operation, values }`: a criterion of a criteria-based sharing rule. */
export const criterion = (
  field: FieldRef,
  operation: SharingOperation,
  ...values: readonly string[]
): SharingCriterion => ({ field, operation, values });

/** What this family adds to the model. */
export interface SharingRulesModel {
  readonly sharingRules: readonly SharingRuleDef[];
}
