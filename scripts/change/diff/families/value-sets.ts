/** Global and standard value sets (OpportunityStage, LeadStatus): their values, and stage settings. */
import type { Describe, Detail } from '../types.ts';
import { childrenOf, textOf } from '../xml.ts';
import { diffPicklist, picklistValues } from './picklists.ts';

const STAGE_SETTINGS = ['probability', 'forecastCategory', 'closed', 'won'] as const;

export const describeValueSet: Describe = (c) => {
  if (c.change === 'deleted')
    return [
      {
        kind: 'value-set-deleted',
        text: 'value set deleted',
        risk: { level: 'high', category: 'destructive', reason: 'fields using it lose their values list' },
      },
    ];
  const details: Detail[] = diffPicklist(picklistValues(c.before), picklistValues(c.after));
  // Opportunity stages carry probability, forecast category and closed/won per value.
  const old = new Map(childrenOf(c.before, 'standardValue').map((v) => [textOf(v, 'fullName'), v]));
  for (const v of childrenOf(c.after, 'standardValue')) {
    const was = old.get(textOf(v, 'fullName'));
    if (!was) continue;
    const changed = STAGE_SETTINGS.filter((s) => textOf(was, s) !== textOf(v, s)).map(
      (s) => `${s} ${textOf(was, s) ?? '-'} → ${textOf(v, s) ?? '-'}`,
    );
    if (changed.length) details.push({ kind: 'stage', text: `${textOf(v, 'fullName')}: ${changed.join(', ')}` });
  }
  return details;
};
