import type { CheckContext } from '../../core/checks.ts';
import { SKU_NAME, type PricingDef, type QuoteToCashModel } from './builders.ts';
import { REQUIRED_LEVEL_FIELD } from './emit.ts';
import { checkOrderFormPaths } from './order-form.ts';
import { acceptedBases } from './pricing.ts';

/** SKUs: `Family:Package:Metric`, unique, floor ≤ list ≤ ceiling, add-ons name base packages of the catalogue. */
export function checkSkus(model: QuoteToCashModel, check: CheckContext): void {
  check.unique(
    model.skus,
    (s) => s.code,
    (s) => `SKU ${s.code}`,
    'SKU',
  );
  for (const s of model.skus) {
    const c = `SKU ${s.code}`;
    if (!SKU_NAME.test(s.code))
      check.report(s, c, 'write the SKU as Family:Package:Metric, e.g. Platform:Enterprise:Seat');
    if (!(s.floor > 0 && s.floor <= s.listPrice && s.listPrice <= s.ceiling))
      check.report(s, c, `prices must satisfy 0 < floor (${s.floor}) ≤ list (${s.listPrice}) ≤ ceiling (${s.ceiling})`);
    if (!s.entitlements.length) check.report(s, c, 'maps to no entitlement: billing would provision nothing');
    if (s.role === 'base' && s.requires?.length)
      check.report(s, c, 'a base package requires nothing; make it an add-on');
    if (s.role === 'addon' && !acceptedBases(s, model.skus).length)
      check.report(
        s,
        c,
        `requires ${(s.requires ?? []).join(', ') || 'nothing'}, which matches no base package of the catalogue`,
      );
  }
}

function checkLadder(pricing: PricingDef, check: CheckContext): void {
  const { ladder } = pricing;
  const c = 'Discount ladder';
  if (ladder.bands[0]?.arrFrom !== 0) check.report(pricing, c, 'the first ARR band must start at 0');
  ladder.bands.forEach((band, i) => {
    if (i && band.arrFrom <= ladder.bands[i - 1]!.arrFrom)
      check.report(pricing, c, `band ${band.name} must start above the band before it`);
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(band.name))
      check.report(pricing, c, `band name "${band.name}" must be letters and digits`);
  });
  if (!ladder.max[ladder.fallbackSegment])
    check.report(pricing, c, `fallback segment ${ladder.fallbackSegment} has no ladder`);
  for (const [segment, row] of Object.entries(ladder.max))
    if (row.length !== ladder.bands.length || row.some((m) => !(m >= 0 && m <= 100)))
      check.report(pricing, c, `${segment} needs one maximum from 0 to 100 per band (${ladder.bands.length})`);
}

function checkMatrix(pricing: PricingDef, check: CheckContext): void {
  const matrix = pricing.approvals;
  const c = `ApprovalProcess Opportunity.${matrix.name}`;
  check.apiName(pricing, c, matrix.name);
  const opp = check.schema.object('Opportunity');
  if (!matrix.levels.length) check.report(pricing, c, 'the approval matrix has no level');
  matrix.levels.forEach((level, i) => {
    check.apiName(pricing, `${c} step ${level.name}`, level.name);
    const approver = opp?.field(level.approverField);
    if (!approver?.referenceTo?.includes('User'))
      check.report(
        pricing,
        `${c} step ${level.name}`,
        `approver field Opportunity.${level.approverField} must be a lookup to User`,
      );
    const prior = matrix.levels[i - 1];
    if (prior && level.aboveLadderBy <= prior.aboveLadderBy)
      check.report(
        pricing,
        `${c} step ${level.name}`,
        `a higher level must start further above the ladder than ${prior.name}`,
      );
  });
  const approved = opp?.field(matrix.approvedLevelField)?.picklistValues ?? [];
  for (const level of matrix.levels)
    if (!approved.includes(level.label))
      check.report(
        pricing,
        c,
        `Opportunity.${matrix.approvedLevelField} has no value "${level.label}" for level ${level.name}`,
      );
  const status = opp?.field(matrix.statusField)?.picklistValues ?? [];
  for (const value of ['Pending', 'Approved', 'Rejected'])
    if (!status.includes(value)) check.report(pricing, c, `Opportunity.${matrix.statusField} has no value "${value}"`);
  if (!opp?.field(REQUIRED_LEVEL_FIELD) || !opp.field('Discount_Ladder_Max__c'))
    check.report(pricing, c, `needs the Opportunity formula fields ${REQUIRED_LEVEL_FIELD} and Discount_Ladder_Max__c`);
}

function checkGiveGet(pricing: PricingDef, check: CheckContext): void {
  const { giveGet } = pricing;
  const c = 'Give/get matrix';
  const object = check.schema.object(giveGet.object);
  const types = object?.field(giveGet.typeField)?.picklistValues ?? [];
  const gets = object?.field(giveGet.getField)?.picklistValues ?? [];
  for (const type of types)
    if (!giveGet.gets[type])
      check.report(pricing, c, `concession type "${type}" has no row: say which gets pay for it`);
  for (const [type, row] of Object.entries(giveGet.gets)) {
    if (!types.includes(type))
      check.report(pricing, c, `row "${type}" is not a value of ${giveGet.object}.${giveGet.typeField}`);
    for (const get of row)
      if (get !== '*' && !gets.includes(get))
        check.report(pricing, c, `get "${get}" is not a value of ${giveGet.object}.${giveGet.getField}`);
  }
}

export function checkQuoteToCash(model: QuoteToCashModel, check: CheckContext): void {
  checkSkus(model, check);
  checkOrderFormPaths(model.orderForm, check);
  if (!model.pricing) return;
  checkLadder(model.pricing, check);
  checkMatrix(model.pricing, check);
  checkGiveGet(model.pricing, check);
}
