/**
 * The six lifecycle handlers, mirrored by the Apex class LifecycleJobs: each reads the records of
 * one run and returns the actions it would take, each with a ledger key. The runner drops actions
 * whose key was already acted on, so a handler may propose the same action run after run.
 */
import { addDays, daysBetween } from './clock.ts';
import { dayOf, idOf, laterOf, num, refOf, str } from './records.ts';
import { action } from './action.ts';
import type { JobHandler, JobRun, LifecycleAction, LifecycleRecord } from './types.ts';

/** The loss reason an auto-close records (blueprint 000 §1: "timed out after SLA"). */
export const TIMED_OUT = 'Timed Out';
export const RENEWAL_TYPE = 'Renewal';
export const RENEWAL_STAGE = 'Discovery';

/** The day a deal last moved: logged activity, or entering its stage, whichever is later. */
const lastTouched = (o: LifecycleRecord): string | null =>
  laterOf(dayOf(str(o, 'Last_Activity_On__c')), dayOf(str(o, 'LastActivityDate')), str(o, 'Stage_Entered_On__c'));

/** Idle deals: nudge, escalate at 14 days, auto-close after the SLA; stage aging per stage. */
export const staleDeals: JobHandler = (run) => {
  const out: LifecycleAction[] = [];
  const stageMax = run.thresholdsUnder('stageMaxDays');
  for (const o of run.records.Opportunity ?? []) {
    const stage = str(o, 'StageName');
    if (!stage || run.stages.closed.has(stage)) continue;
    const touched = lastTouched(o);
    const nextStep = str(o, 'Next_Step_Date__c');
    // Idle: nothing logged for days and the next step is due (today or earlier) or missing.
    if (touched && (!nextStep || nextStep <= run.today)) out.push(...idleSteps(run, o, touched));
    const entered = str(o, 'Stage_Entered_On__c');
    const max = stageMax.get(stage);
    if (entered && max !== undefined && daysBetween(entered, run.today) > max)
      out.push(
        action(run, 'Opportunity', o, `stage-aging:${stage}:${entered}`, {
          action: 'Alert',
          reason: `${daysBetween(entered, run.today)} days in ${stage} (limit ${max})`,
          recipient: 'manager',
        }),
      );
  }
  return out;
};

/** The one idle step a deal has reached; keyed by the day it went idle, so a deal idle again is nudged again. */
function idleSteps(run: JobRun, o: LifecycleRecord, touched: string): LifecycleAction[] {
  const idle = daysBetween(touched, run.today);
  if (idle >= run.threshold('autoCloseDays'))
    return [
      action(run, 'Opportunity', o, 'auto-close', {
        action: 'Auto-Close',
        reason: `idle ${idle} days (auto-close after ${run.threshold('autoCloseDays')}): timed out`,
        recipient: 'owner',
        update: { StageName: 'Closed Lost', Loss_Reason__c: TIMED_OUT, CloseDate: run.today },
      }),
    ];
  if (idle >= run.threshold('escalateDays'))
    return [
      action(run, 'Opportunity', o, `escalate:${touched}`, {
        action: 'Escalation',
        reason: `idle ${idle} days, next step overdue`,
        recipient: 'manager',
      }),
    ];
  if (idle >= run.threshold('idleDays'))
    return [
      action(run, 'Opportunity', o, `nudge:${touched}`, {
        action: 'Task',
        reason: `idle ${idle} days, next step overdue`,
        recipient: 'owner',
        dueOn: addDays(run.today, 1),
      }),
    ];
  return [];
}

/** Salesforce's Contract.EndDate: start + term months - 1 day (month ends clamp). */
export function contractEnd(start: string, termMonths: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const months = m! - 1 + termMonths;
  const year = y! + Math.floor(months / 12);
  const month = months % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return addDays(new Date(Date.UTC(year, month, Math.min(d!, last))).toISOString().slice(0, 10), -1);
}

/** Contracts the renewals job acts on: active, with an end, and not leaving. */
const renewable = (c: LifecycleRecord): boolean =>
  str(c, 'Status') === 'Activated' &&
  !['Non-Renewing', 'Evergreen'].includes(str(c, 'Renewal_Type__c') ?? '') &&
  !!str(c, 'StartDate') &&
  num(c, 'ContractTerm') !== null;

/** Renewals at 180/120/90 days: one renewal deal per contract, one task per window reached. */
export const renewals: JobHandler = (run) => {
  const windows = [...run.thresholdsUnder('windowDays').values()].sort((a, b) => b - a);
  const renewed = new Set(
    (run.records.Opportunity ?? []).flatMap((o) => [refOf(o, 'ContractId'), str(o, 'Renewal_Key__c')]).filter(Boolean),
  );
  const out: LifecycleAction[] = [];
  for (const c of run.records.Contract ?? []) {
    if (!renewable(c)) continue;
    const end = str(c, 'EndDate') ?? contractEnd(str(c, 'StartDate')!, num(c, 'ContractTerm')!);
    const left = daysBetween(run.today, end);
    const reached = windows.filter((w) => left <= w);
    if (left < 0 || reached.length === 0) continue;
    const window = reached[reached.length - 1]!;
    if (!renewed.has(idOf(c))) out.push(renewalDeal(run, c, end));
    out.push(
      action(run, 'Contract', c, `window:${window}`, {
        action: 'Task',
        reason: `contract ends ${end}: ${window}-day renewal step (${left} days left)`,
        recipient: 'renewal owner',
        dueOn: addDays(run.today, run.threshold('taskDueDays')),
      }),
    );
  }
  return out;
};

/** The renewal deal: type Renewal, closing on the end date, ARR with the contract's uplift up to its cap. */
function renewalDeal(run: JobRun, c: LifecycleRecord, end: string): LifecycleAction {
  const arr = num(c, 'ARR__c');
  const uplift = Math.min(num(c, 'Uplift_Percent__c') ?? 0, num(c, 'Uplift_Cap_Percent__c') ?? Infinity);
  const renewedArr = arr === null ? null : Math.round(arr * (100 + uplift)) / 100;
  return action(run, 'Contract', c, 'renewal', {
    action: 'Renewal',
    reason: `contract ends ${end}; uplift ${uplift} %`,
    recipient: 'renewal owner',
    create: {
      object: 'Opportunity',
      values: {
        External_Id__c: `RNW-${idOf(c)}`,
        Renewal_Key__c: idOf(c),
        Name: `Renewal ${idOf(c)} ${addDays(end, 1)}`,
        Type: RENEWAL_TYPE,
        StageName: RENEWAL_STAGE,
        CloseDate: end,
        Account: { External_Id__c: refOf(c, 'AccountId') },
        Contract: { External_Id__c: idOf(c) },
        ARR__c: renewedArr,
        Amount: renewedArr,
        Term_Months__c: num(c, 'ContractTerm'),
        NextStep: 'Renewal kickoff with the customer',
        Next_Step_Date__c: addDays(run.today, run.threshold('taskDueDays')),
        Stage_Entered_On__c: run.today,
      },
    },
  });
}
