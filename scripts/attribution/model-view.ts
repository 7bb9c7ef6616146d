/**
 * What attribution reads from the model, so that the library and the org agree by construction:
 * the governed channels (the Marketing_Channel value set), each channel's source (the
 * Campaign.Marketing_Source__c formula, evaluated by the formula engine) and whether a touch
 * counts (the Touch__c.Counts_For_Attribution__c formula: the bot rule).
 */
import type { FormulaField, RevOpsModel } from '../dsl/index.ts';
import { compileFormula, type CompiledFormula } from '../formula/index.ts';
import { buildSchema } from '../schema/build.ts';

export interface AttributionView {
  readonly channels: readonly string[];
  sourceOf(channel: string): string;
  /** False for a bot's touch, by the model's rule. */
  countsForAttribution(touch: { readonly isBot: boolean; readonly userAgent: string | null }): boolean;
}

function formulaOf(model: RevOpsModel, object: string, field: string): CompiledFormula | undefined {
  const def = model.objects.find((o) => o.apiName === object)?.fields[field] as FormulaField | undefined;
  if (def?.type !== 'Formula') return undefined;
  return compileFormula(def.formula, {
    schema: buildSchema(model),
    object,
    context: 'formulaField',
    returnType: def.returns,
    blankAsZero: def.blanks === 'zero',
  });
}

export function attributionView(model: RevOpsModel): AttributionView {
  const channels = model.globalValueSets.find((s) => s.name === 'Marketing_Channel')?.values.map((v) => v.name) ?? [];
  const source = formulaOf(model, 'Campaign', 'Marketing_Source__c');
  const counts = formulaOf(model, 'Touch__c', 'Counts_For_Attribution__c');
  const sources = new Map<string, string>();
  return {
    channels,
    sourceOf(channel) {
      if (!sources.has(channel)) {
        const value = source?.({ record: { Channel__c: channel } });
        sources.set(channel, typeof value === 'string' && value ? value : 'Unknown');
      }
      return sources.get(channel)!;
    },
    countsForAttribution(t) {
      if (!counts) return !t.isBot;
      return counts({ record: { Is_Bot__c: t.isBot, User_Agent__c: t.userAgent } }) === true;
    },
  };
}
