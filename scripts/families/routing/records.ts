/**
 * The routing configuration as custom metadata records: what deploys (through the
 * custom-metadata family, as `customMetadataRecords`), what the TypeScript router compiles and
 * what the conformance vectors carry to the org. One function, so the three cannot differ.
 */
import { copyOrigin } from '../../core/origin.ts';
import { conditionRows, type Condition } from '../../routing/conditions.ts';
import {
  conditionOwner,
  RECORD_TYPES,
  SETTINGS_RECORD,
  type CmdtRecord,
  type ConditionRecord,
  type NobodyAvailable,
  type RoutingRecords,
  type RuleAction,
} from '../../routing/records.ts';
import type { CustomMetadataRecordDef, CustomMetadataValue } from '../custom-metadata/index.ts';
import { WEEKDAY_NAMES, type LeadRoutingDef, type NobodyAvailableDef, type RuleActionDef } from './builders.ts';

/** `Rule.Enterprise` → `R`, the prefix of its condition records' names. */
const OWNER_PREFIX: Record<string, string> = { Rule: 'R', Signal: 'S', Disqualifier: 'D', FastPath: 'F' };

/** The DeveloperName of a condition record: `R_Enterprise_1_2`. */
export function conditionRecordName(owner: string, node: string): string {
  const [kind, name] = owner.includes('.') ? owner.split('.') : [owner, ''];
  return [OWNER_PREFIX[kind!] ?? kind, name, node.replace(/\./g, '_')].filter(Boolean).join('_');
}

function conditionRecords(owner: string, tree: Condition): ConditionRecord[] {
  return conditionRows(tree).map((row) => ({
    DeveloperName: conditionRecordName(owner, row.node),
    MasterLabel: `${owner} ${row.node}`.slice(0, 40),
    Owner__c: owner,
    Node__c: row.node,
    Logic__c: row.logic,
    Field__c: row.field,
    Operator__c: row.operator,
    Value__c: row.value,
  }));
}

function nobodyAvailable(def: NobodyAvailableDef): { policy: NobodyAvailable; overflow: string | null } {
  if ('queue' in def) return { policy: 'Queue', overflow: def.queue };
  if ('pool' in def) return { policy: 'Pool', overflow: def.pool };
  return { policy: 'Hold', overflow: null };
}

function ruleAction(def: RuleActionDef): { action: RuleAction; target: string | null } {
  if ('pool' in def) return { action: 'Pool', target: def.pool };
  if ('queue' in def) return { action: 'Queue', target: def.queue };
  return { action: 'Account Owner', target: null };
}

const order = (i: number) => (i + 1) * 10;

const settingRecords = ({ settings, scoring }: LeadRoutingDef): RoutingRecords['Routing_Setting__mdt'] => [
  {
    DeveloperName: SETTINGS_RECORD,
    MasterLabel: 'Default',
    MQL_Threshold__c: scoring.mql,
    Hot_Threshold__c: scoring.hot,
    Fit_Max__c: scoring.fitMax,
    Engagement_Max__c: scoring.engagementMax,
    Fast_Path_Fit__c: scoring.fastPath.fit,
    Fallback_Queue__c: settings.fallbackQueue,
    Disqualified_Queue__c: settings.disqualifiedQueue,
    Hold_Queue__c: settings.holdQueue,
    Default_Calendar__c: settings.defaultCalendar,
    Free_Mail_Domains__c: settings.freeMailDomains.join(','),
    Public_Suffixes__c: settings.publicSuffixes.join(','),
  },
];

function calendarRecords(
  routing: LeadRoutingDef,
): Pick<RoutingRecords, 'Routing_Calendar__mdt' | 'Routing_Holiday__mdt'> {
  return {
    Routing_Calendar__mdt: routing.calendars.map((c) => ({
      DeveloperName: c.name,
      MasterLabel: c.label,
      Time_Zone__c: c.timeZone,
      ...(Object.fromEntries(WEEKDAY_NAMES.map((d) => [`${d}__c`, c.hours[d] ?? null])) as Record<
        `${(typeof WEEKDAY_NAMES)[number]}__c`,
        string | null
      >),
    })),
    Routing_Holiday__mdt: routing.calendars.flatMap((c) =>
      c.holidays.map((h) => ({
        DeveloperName: `${c.name}_${h.date.replace(/-/g, '')}`,
        MasterLabel: h.label,
        Calendar__c: c.name,
        Date__c: h.date,
      })),
    ),
  };
}

function poolAndRuleRecords(routing: LeadRoutingDef): Pick<RoutingRecords, 'Routing_Pool__mdt' | 'Routing_Rule__mdt'> {
  return {
    Routing_Pool__mdt: routing.pools.map((p) => {
      const { policy, overflow } = nobodyAvailable(p.whenNobodyAvailable);
      return {
        DeveloperName: p.name,
        MasterLabel: p.label,
        Calendar__c: p.calendar,
        Daily_Cap__c: p.dailyCap,
        Weekly_Cap__c: p.weeklyCap,
        After_Hours__c: p.afterHours,
        When_Nobody_Available__c: policy,
        Overflow__c: overflow,
        Description__c: p.description,
      };
    }),
    Routing_Rule__mdt: routing.rules.map((r, i) => {
      const { action, target } = ruleAction(r.then);
      return {
        DeveloperName: r.name,
        MasterLabel: r.label,
        Order__c: order(i),
        Action__c: action,
        Target__c: target,
        Active__c: r.active,
        Description__c: r.description,
      };
    }),
  };
}

function scoringRecords({
  scoring,
}: LeadRoutingDef): Pick<RoutingRecords, 'Lead_Score_Signal__mdt' | 'Lead_Disqualifier__mdt'> {
  return {
    Lead_Score_Signal__mdt: scoring.signals.map((s, i) => ({
      DeveloperName: s.name,
      MasterLabel: s.label,
      Order__c: order(i),
      Category__c: s.category,
      Points__c: s.points,
      Decay_Field__c: s.decay?.field ?? null,
      Decay_After_Days__c: s.decay?.afterDays ?? null,
      Decay_Per_Week__c: s.decay?.perWeek ?? null,
    })),
    Lead_Disqualifier__mdt: scoring.disqualifiers.map((d, i) => ({
      DeveloperName: d.name,
      MasterLabel: d.label,
      Order__c: order(i),
      Reason__c: d.reason,
    })),
  };
}

const slaRecords = (routing: LeadRoutingDef): RoutingRecords['Lead_SLA__mdt'] =>
  routing.slas.map((s, i) => ({
    DeveloperName: s.name,
    MasterLabel: s.label,
    Order__c: order(i),
    Start_Field__c: s.start,
    Stop_Field__c: s.stop,
    Minutes__c: s.minutes,
    Fast_Path_Minutes__c: s.fastPathMinutes,
    Reroute_On_Breach__c: s.rerouteOnBreach,
  }));

/** Every record of the routing configuration, by custom metadata type. */
export function routingRecords(routing: LeadRoutingDef): RoutingRecords {
  const { scoring } = routing;
  return {
    Routing_Setting__mdt: settingRecords(routing),
    ...calendarRecords(routing),
    ...poolAndRuleRecords(routing),
    Routing_Condition__mdt: [
      ...routing.rules.flatMap((r) => conditionRecords(conditionOwner.rule(r.name), r.when)),
      ...scoring.signals.flatMap((s) => conditionRecords(conditionOwner.signal(s.name), s.when)),
      ...scoring.disqualifiers.flatMap((d) => conditionRecords(conditionOwner.disqualifier(d.name), d.when)),
      ...conditionRecords(conditionOwner.fastPath(), scoring.fastPath.when),
    ],
    ...scoringRecords(routing),
    Lead_SLA__mdt: slaRecords(routing),
  };
}

/**
 * The records as custom metadata record definitions, for the model's `customMetadataRecords`
 * (`...routingMetadataRecords(leadRouting)`): the custom-metadata family checks them against
 * their types and writes them.
 */
export function routingMetadataRecords(routing: LeadRoutingDef): CustomMetadataRecordDef[] {
  const records = routingRecords(routing);
  return RECORD_TYPES.flatMap((type) =>
    (records[type] as readonly CmdtRecord[]).map((record) => {
      const { DeveloperName, MasterLabel, ...values } = record as CmdtRecord & Record<string, CustomMetadataValue>;
      return copyOrigin(
        {
          kind: 'customMetadataRecord' as const,
          type,
          name: DeveloperName,
          label: MasterLabel,
          values: values as Record<string, CustomMetadataValue>,
          locked: routing.locked,
        },
        routing,
      );
    }),
  );
}
