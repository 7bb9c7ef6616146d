/**
 * Salesforce's rules for a territory model, and the blueprint's: API names, a hierarchy of known
 * types without loops, rule items on Account fields and their picklist values (at most 10 items),
 * balancing weights summing to 100, overlay roles capped at 4 AEs (002 Phase 9), and every
 * recorded change on a fiscal-year boundary unless it is a listed exception with its record.
 */
import type { CheckContext } from '../../core/checks.ts';
import type { TerritoriesModel, TerritoryChangeDef, TerritoryDef, TerritoryDesignDef } from './builders.ts';

/** Territory2Rule: "A rule can have up to 10 rule items" (Metadata API Developer Guide). */
export const MAX_RULE_ITEMS = 10;
/** 002 territory-design.yaml: "Overlay reps (solutions engineers) shared across max 4 AEs". */
export const MAX_OVERLAY_AES = 4;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function checkTerritories(model: TerritoriesModel, check: CheckContext): void {
  const design = model.territoryDesign;
  if (!design) return;
  const where = `Territory2Model ${design.name}`;
  check.apiName(design, where, design.name);
  if (
    !Number.isInteger(design.fiscalYearStartMonth) ||
    design.fiscalYearStartMonth < 1 ||
    design.fiscalYearStartMonth > 12
  )
    check.report(design, where, `fiscalYearStartMonth ${design.fiscalYearStartMonth} is not a month (1-12)`);
  check.unique(
    design.types,
    (t) => t.name,
    (t) => `Territory2Type ${t.name}`,
    'territory type',
    design,
  );
  check.unique(
    design.territories,
    (t) => t.name,
    (t) => `Territory2 ${design.name}.${t.name}`,
    'territory',
    design,
  );
  // Opportunity assignment takes the account territory of the highest priority: a tie leaves it blank.
  check.unique(
    design.types,
    (t) => String(t.priority),
    (t) => `Territory2Type ${t.name}`,
    'territory type priority',
    design,
  );
  for (const t of design.types) {
    check.apiName(t, `Territory2Type ${t.name}`, t.name);
    if (!Number.isInteger(t.priority) || t.priority < 1)
      check.report(t, `Territory2Type ${t.name}`, `priority ${t.priority} must be a whole number of 1 or more`);
  }
  checkHierarchy(design, check);
  for (const t of design.territories) checkRule(design, t, check);
  checkPolicy(design, check);
  for (const c of design.changes) checkChange(design, c, check);
}

function checkHierarchy(design: TerritoryDesignDef, check: CheckContext): void {
  const byName = new Map(design.territories.map((t) => [t.name, t]));
  const types = new Set(design.types.map((t) => t.name));
  const parents = new Set(design.territories.map((t) => t.parent).filter(Boolean));
  for (const t of design.territories) {
    const component = `Territory2 ${design.name}.${t.name}`;
    check.apiName(t, component, t.name);
    if (!types.has(t.type)) check.report(t, component, `territory type ${t.type} is not a type of the model`);
    if (t.parent && !byName.has(t.parent))
      check.report(t, component, `parent territory ${t.parent} is not in the model`);
    const seen = new Set<string>();
    for (let at: string | undefined = t.name; at; at = byName.get(at)?.parent) {
      if (seen.has(at)) {
        check.report(t, component, 'the territory hierarchy loops back to this territory');
        break;
      }
      seen.add(at);
    }
    if (!parents.has(t.name) && !t.named && !t.rule?.length)
      check.report(
        t,
        component,
        'a leaf territory with no account rule and not named-account: it would cover no account',
      );
  }
}

function checkRule(design: TerritoryDesignDef, t: TerritoryDef, check: CheckContext): void {
  const component = `Territory2Rule ${design.name}.${t.name}_Rule`;
  if (!t.rule) return;
  if (t.named) check.report(t, component, 'a named-account territory takes accounts by relationship, not by rule');
  if (!t.rule.length) check.report(t, component, 'a rule needs at least one rule item');
  if (t.rule.length > MAX_RULE_ITEMS)
    check.report(t, component, `${t.rule.length} rule items; a Territory2Rule holds at most ${MAX_RULE_ITEMS}`);
  for (const item of t.rule) {
    check.fieldExists(t, component, { object: 'Account', field: item.field }, 'territory rule item');
    if (!item.values.length) check.report(t, component, `rule item on ${item.field} has no value`);
    const values = check.schema.object('Account')?.field(item.field)?.picklistValues;
    if (!values) continue;
    for (const v of item.values)
      if (!values.includes(v))
        check.report(
          t,
          component,
          `rule item on Account.${item.field}: "${v}" is not a value of the picklist (${values.join(', ')})`,
        );
  }
}

function checkPolicy(design: TerritoryDesignDef, check: CheckContext): void {
  const where = `Territory2Model ${design.name}`;
  const b = design.balancing;
  const weights = [b.addressableAccounts, b.revenuePotential, b.pipeline, b.density];
  if (weights.some((w) => !(w >= 0)) || weights.reduce((a, w) => a + w, 0) !== 100)
    check.report(design, where, `balancing weights ${weights.join('/')} must be non-negative and sum to 100`);
  if (!(design.pipelineCoverage > 0))
    check.report(design, where, `pipelineCoverage ${design.pipelineCoverage} must be above 0`);
  if (!(design.maxTamRatio > 1)) check.report(design, where, `maxTamRatio ${design.maxTamRatio} must be above 1`);
  for (const r of design.overlayRoles)
    if (!Number.isInteger(r.maxAEs) || r.maxAEs < 1 || r.maxAEs > MAX_OVERLAY_AES)
      check.report(
        design,
        `Overlay role ${r.name}`,
        `covers up to ${r.maxAEs} AEs; the blueprint allows 1 to ${MAX_OVERLAY_AES} (002 Phase 9)`,
      );
}

/** The first day of a fiscal year, for a fiscal year starting in `startMonth`. */
export const isFiscalYearStart = (day: string, startMonth: number): boolean =>
  Number(day.slice(5, 7)) === startMonth && day.slice(8, 10) === '01';

/**
 * 002 territory-design.yaml: "Territory changes only at fiscal year (exceptions: termination,
 * promotion)". A change off the boundary needs a listed reason and the record that approved it.
 */
export function changeProblem(design: TerritoryDesignDef, c: TerritoryChangeDef): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.effective) || Number.isNaN(Date.parse(c.effective)))
    return `effective date "${c.effective}" is not a date (YYYY-MM-DD)`;
  if (!design.territories.some((t) => t.name === c.territory)) return `territory ${c.territory} is not in the model`;
  if (isFiscalYearStart(c.effective, design.fiscalYearStartMonth)) return undefined;
  const boundary = `1 ${MONTHS[design.fiscalYearStartMonth - 1]}`;
  if (!c.exception)
    return `effective ${c.effective} is mid fiscal year (the year starts ${boundary}): territory changes land only at a fiscal-year boundary unless recorded as an exception (${design.changeExceptions.join(', ')})`;
  if (!design.changeExceptions.includes(c.exception.reason))
    return `exception reason ${c.exception.reason} is not one the model allows mid-year (${design.changeExceptions.join(', ')})`;
  if (!c.exception.record.trim())
    return `exception ${c.exception.reason} names no record (the RFC or ticket that approved it)`;
  return undefined;
}

function checkChange(design: TerritoryDesignDef, c: TerritoryChangeDef, check: CheckContext): void {
  const problem = changeProblem(design, c);
  if (problem) check.report(c, `Territory change ${c.territory} ${c.effective}`, problem);
}
