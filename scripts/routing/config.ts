/**
 * The routing configuration compiled from its custom metadata records (records.ts): calendars,
 * pools, ordered rules with their condition trees, the score model and the settings. The Apex
 * router builds the same structure from the same records (RoutingConfig.cls).
 */
import { BusinessCalendar } from './calendar.ts';
import { compile, treeFromRows, type Condition, type ConditionRow } from './conditions.ts';
import { listSetting } from './domains.ts';
import {
  conditionOwner,
  SETTINGS_RECORD,
  type AfterHours,
  type NobodyAvailable,
  type RoutingRecords,
  type RuleAction,
  type SettingRecord,
} from './records.ts';
import type { ScoreModel } from './scoring.ts';

export interface Pool {
  readonly name: string;
  readonly label: string;
  readonly calendar: BusinessCalendar;
  readonly dailyCap: number | null;
  readonly weeklyCap: number | null;
  readonly afterHours: AfterHours;
  readonly whenNobodyAvailable: NobodyAvailable;
  readonly overflow: string | null;
}

export interface Rule {
  readonly name: string;
  readonly label: string;
  readonly order: number;
  readonly action: RuleAction;
  readonly target: string | null;
  readonly condition: Condition;
  readonly when: ReturnType<typeof compile>;
}

export interface Sla {
  readonly name: string;
  readonly label: string;
  readonly startField: string;
  readonly stopField: string;
  readonly minutes: number;
  readonly fastPathMinutes: number | null;
  readonly rerouteOnBreach: boolean;
}

export interface RoutingConfig {
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
  readonly pools: ReadonlyMap<string, Pool>;
  /** Active rules in order. */
  readonly rules: readonly Rule[];
  readonly scoring: ScoreModel;
  readonly slas: readonly Sla[];
  readonly fallbackQueue: string;
  readonly disqualifiedQueue: string;
  readonly holdQueue: string;
  readonly defaultCalendar: BusinessCalendar;
  readonly freeMail: ReadonlySet<string>;
  readonly publicSuffixes: ReadonlySet<string>;
}

export class RoutingConfigError extends Error {}

/** Every condition tree of the records, by owner. */
export function conditionTrees(records: RoutingRecords): Map<string, Condition> {
  const rows = new Map<string, ConditionRow[]>();
  for (const r of records.Routing_Condition__mdt) {
    const list = rows.get(r.Owner__c) ?? [];
    list.push({ node: r.Node__c, logic: r.Logic__c, field: r.Field__c, operator: r.Operator__c, value: r.Value__c });
    rows.set(r.Owner__c, list);
  }
  return new Map([...rows].map(([owner, list]) => [owner, treeFromRows(owner, list)]));
}

const ALWAYS: Condition = { all: [] };

const byOrder = <T extends { Order__c: number; DeveloperName: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => a.Order__c - b.Order__c || (a.DeveloperName < b.DeveloperName ? -1 : 1));

function compilePools(
  records: RoutingRecords,
  calendar: (name: string, where: string) => BusinessCalendar,
): Map<string, Pool> {
  return new Map(
    records.Routing_Pool__mdt.map((p) => [
      p.DeveloperName,
      {
        name: p.DeveloperName,
        label: p.MasterLabel,
        calendar: calendar(p.Calendar__c, `pool ${p.DeveloperName}`),
        dailyCap: p.Daily_Cap__c ?? null,
        weeklyCap: p.Weekly_Cap__c ?? null,
        afterHours: p.After_Hours__c,
        whenNobodyAvailable: p.When_Nobody_Available__c,
        overflow: p.Overflow__c ?? null,
      } satisfies Pool,
    ]),
  );
}

function compileRules(records: RoutingRecords, tree: (owner: string) => Condition): Rule[] {
  return byOrder(records.Routing_Rule__mdt.filter((r) => r.Active__c)).map((r) => {
    const condition = tree(conditionOwner.rule(r.DeveloperName));
    return {
      name: r.DeveloperName,
      label: r.MasterLabel,
      order: r.Order__c,
      action: r.Action__c,
      target: r.Target__c ?? null,
      condition,
      when: compile(condition),
    } satisfies Rule;
  });
}

function compileScoring(
  records: RoutingRecords,
  settings: SettingRecord,
  tree: (owner: string) => Condition,
): ScoreModel {
  return {
    signals: byOrder(records.Lead_Score_Signal__mdt).map((s) => ({
      name: s.DeveloperName,
      label: s.MasterLabel,
      category: s.Category__c,
      points: s.Points__c,
      when: compile(tree(conditionOwner.signal(s.DeveloperName))),
      ...(s.Decay_Field__c
        ? {
            decay: {
              field: s.Decay_Field__c,
              afterDays: s.Decay_After_Days__c ?? 0,
              perWeek: s.Decay_Per_Week__c ?? 0,
            },
          }
        : {}),
    })),
    disqualifiers: byOrder(records.Lead_Disqualifier__mdt).map((d) => ({
      name: d.DeveloperName,
      reason: d.Reason__c,
      when: compile(tree(conditionOwner.disqualifier(d.DeveloperName))),
    })),
    fitMax: settings.Fit_Max__c,
    engagementMax: settings.Engagement_Max__c,
    mql: settings.MQL_Threshold__c,
    hot: settings.Hot_Threshold__c,
    fastPathFit: settings.Fast_Path_Fit__c,
    fastPath: compile(tree(conditionOwner.fastPath())),
  };
}

export function compileConfig(records: RoutingRecords): RoutingConfig {
  const settings = records.Routing_Setting__mdt.find((s) => s.DeveloperName === SETTINGS_RECORD);
  if (!settings) throw new RoutingConfigError(`Routing_Setting__mdt.${SETTINGS_RECORD} is missing`);
  const trees = conditionTrees(records);
  const tree = (owner: string) => trees.get(owner) ?? ALWAYS;
  const calendars = new Map(
    records.Routing_Calendar__mdt.map((c) => [
      c.DeveloperName,
      BusinessCalendar.fromRecords(c, records.Routing_Holiday__mdt),
    ]),
  );
  const calendar = (name: string, where: string) => {
    const found = calendars.get(name);
    if (!found) throw new RoutingConfigError(`${where}: unknown calendar ${name}`);
    return found;
  };
  return {
    calendars,
    pools: compilePools(records, calendar),
    rules: compileRules(records, tree),
    scoring: compileScoring(records, settings, tree),
    slas: byOrder(records.Lead_SLA__mdt).map((s) => ({
      name: s.DeveloperName,
      label: s.MasterLabel,
      startField: s.Start_Field__c,
      stopField: s.Stop_Field__c,
      minutes: s.Minutes__c,
      fastPathMinutes: s.Fast_Path_Minutes__c ?? null,
      rerouteOnBreach: s.Reroute_On_Breach__c,
    })),
    fallbackQueue: settings.Fallback_Queue__c,
    disqualifiedQueue: settings.Disqualified_Queue__c,
    holdQueue: settings.Hold_Queue__c,
    defaultCalendar: calendar(settings.Default_Calendar__c, 'settings'),
    freeMail: new Set(listSetting(settings.Free_Mail_Domains__c)),
    publicSuffixes: new Set(listSetting(settings.Public_Suffixes__c)),
  };
}
