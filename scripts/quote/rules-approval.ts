/** The approval matrix and give/get over dataset records. */
import { getAllowed, requiredLevel } from '../dsl/index.ts';
import type { QuoteContext, RuleModule } from './types.ts';
import { ref } from './load.ts';

export const approvalRules: RuleModule = {
  rules: [
    {
      id: 'approval.matrix',
      description: 'Deals at Commercials or Closed Won hold an approval up to the level the matrix requires',
    },
  ],
  run(ctx: QuoteContext) {
    const pricing = ctx.model.pricing;
    if (!pricing) return;
    const m = pricing.approvals;
    for (const [id, at] of ctx.table('Opportunity')) {
      const deal = at.record;
      if (!m.enforcedAt.includes(deal.StageName as string)) continue;
      const account = ctx.get('Account', ref(deal.Account))?.record;
      const need = requiredLevel(pricing, {
        segment: (account?.Segment__c as string) ?? null,
        arr: deal.ARR__c as number | null,
        discount: deal.Discount_Percent__c as number | null,
        record: deal,
      });
      let problem: string | undefined;
      if (need) {
        const approved = m.levels.findIndex((l) => l.label === deal[m.approvedLevelField]);
        if (deal[m.statusField] !== 'Approved' || approved < need.index)
          problem = `needs ${need.level.label} approval (${need.reasons.join('; ')}) but ${m.statusField} is ${JSON.stringify(deal[m.statusField] ?? null)} and ${m.approvedLevelField} is ${JSON.stringify(deal[m.approvedLevelField] ?? null)}`;
      }
      ctx.verdict('approval.matrix', 'Opportunity', id, at, problem);
    }
  },
};

export const giveGetRules: RuleModule = {
  rules: [
    { id: 'givget.matrix', description: 'Every concession records a get the give/get matrix accepts for its type' },
    { id: 'givget.evidence', description: 'The get is real on the deal (multi-year term, prepayment, expansion...)' },
  ],
  run(ctx: QuoteContext) {
    const giveGet = ctx.model.pricing?.giveGet;
    if (!giveGet) return;
    for (const [id, at] of ctx.table(giveGet.object)) {
      const c = at.record;
      const type = c[giveGet.typeField] as string | null;
      const get = c[giveGet.getField] as string | null;
      const allowed = getAllowed(giveGet, type, get);
      ctx.verdict(
        'givget.matrix',
        giveGet.object,
        id,
        at,
        allowed
          ? undefined
          : `a ${type ?? 'blank'} concession needs a get from: ${(giveGet.gets[type ?? ''] ?? []).join(', ') || 'nothing'}; it has ${get ?? 'none'}`,
      );
      if (!allowed || !get) continue;
      const deal = ctx.get('Opportunity', ref(c.Opportunity__r))?.record;
      const evidence = giveGet.evidence[get];
      ctx.verdict(
        'givget.evidence',
        giveGet.object,
        id,
        at,
        !evidence || !deal || evidence.test(deal, c)
          ? undefined
          : `get ${get} is not real: ${evidence.label} does not hold for ${ref(c.Opportunity__r)}`,
      );
    }
  },
};
