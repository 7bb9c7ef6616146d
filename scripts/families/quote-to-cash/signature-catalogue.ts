/**
 * The quote-to-cash page's "Signature → Contract" section: what a signed quote puts into the
 * Contract, read from the flows that create a Contract when a Quote is saved, and the Quote rules
 * that make that hand-off safe.
 */
import { objectPage } from '../../core/catalogue.ts';
import { anchor, bullets, code, heading, href, link, table, text } from '../../core/markdown.ts';
import type { CreateRecordStep, FlowDef, FlowStep, FlowValue, FlowsModel } from '../flows/index.ts';
import { FLOWS_PAGE } from '../flows/page.ts';
import type { ValidationRulesModel } from '../validation-rules/index.ts';

export type SignatureModel = Partial<FlowsModel & ValidationRulesModel>;

const steps = (list: readonly FlowStep[]): FlowStep[] =>
  list.flatMap((s) => (s.step === 'decision' ? [s, ...s.outcomes.flatMap((o) => steps(o.then))] : [s]));

const contractCreates = (flow: FlowDef): CreateRecordStep[] =>
  flow.start.type === 'recordTriggered' && flow.start.object === 'Quote'
    ? steps(flow.steps).filter((s): s is CreateRecordStep => s.step === 'createRecord' && s.object === 'Contract')
    : [];

const source = (value: FlowValue, flow: FlowDef): string => {
  if (typeof value !== 'object') return `${code(String(value))} (always)`;
  if ('date' in value) return code(value.date);
  const field = /^\$Record\.(.+)$/.exec(value.ref)?.[1];
  if (field) return field === 'Id' ? 'the quote itself' : code(field);
  const formula = flow.formulas[value.ref];
  return formula ? `${code(formula.expression)} (flow formula ${code(value.ref)})` : code(value.ref);
};

/** The section, or nothing when no flow creates a Contract from a Quote. */
export function signatureBlocks(model: SignatureModel, from: string): string[] {
  const flows = (model.flows ?? []).filter((f) => f.active && contractCreates(f).length);
  if (flows.length === 0) return [];
  const rules = (model.validationRules ?? []).filter((r) => r.object === 'Quote' && r.active);
  return [
    heading(2, 'Signature → Contract'),
    `The customer signs the order form; the AE sets the quote to ${code('Accepted')} with the signer (${code('ContactId')}, Contact Name) and the signed date. ${flows
      .map((f) => link(code(f.name), href(from, FLOWS_PAGE, anchor(f.name)), { raw: true }))
      .join(
        ', ',
      )} then creates the Contract in Draft; the deal desk adds the CLM contract ID and ARR and activates it. ${
      flows.every((f) => f.start.type === 'recordTriggered' && f.start.on === 'Update')
        ? 'A quote created already accepted (a load of signed history) creates no contract: its contract is loaded with it.'
        : ''
    }`.trim(),
    ...flows.flatMap((f) =>
      contractCreates(f).map((step) =>
        table(
          ['Contract field', 'From the quote'],
          Object.entries(step.set).map(([field, value]) => [code(field), source(value, f)]),
        ),
      ),
    ),
    'The Contract picklists the terms are written to share the quote’s value lists. The quote’s rules at signature:',
    bullets(
      rules.map(
        (r) =>
          `${link(code(r.name), href(from, objectPage('Quote'), anchor(r.name)), { raw: true })}: ${text(r.message)}`,
      ),
    ),
  ];
}
