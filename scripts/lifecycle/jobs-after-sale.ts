/** Hand-offs, expiries, overdue commitments and POC stalls (the other half of LifecycleJobs). */
import { addDays, daysBetween, isoSecond } from './clock.ts';
import { action } from './action.ts';
import { idOf, refOf, str } from './records.ts';
import type { JobHandler, JobRun, LifecycleAction, LifecycleRecord } from './types.ts';

export const AE_TO_CS = 'AE to CS';
export const SDR_TO_AE = 'SDR to AE';

/** Hand-offs: AE→CS packet required on Closed Won; acceptance and kickoff within business-hour SLAs. */
export const handoffs: JobHandler = (run) => {
  const packets = run.records.Handoff_Packet__c ?? [];
  const out = missingPackets(run, packets);
  for (const p of packets) {
    const type = str(p, 'Handoff_Type__c');
    const submitted = str(p, 'Submitted_At__c');
    if ((type !== AE_TO_CS && type !== SDR_TO_AE) || !submitted) continue;
    // Older hand-offs are history: their SLAs were measured when they ran.
    if (daysBetween(submitted.slice(0, 10), run.today) > run.threshold('packetLookbackDays')) continue;
    const status = str(p, 'Status__c');
    const start = Date.parse(submitted);
    const acceptBy = run.clock.addBusinessHours(start, run.threshold('acceptHours'));
    const accepted = str(p, 'Accepted_At__c');
    if (status === 'Submitted' && run.now > acceptBy)
      out.push(breach(run, p, 'accept-breach', `not accepted within ${run.threshold('acceptHours')} business hours`));
    if (status === 'Accepted' && type === AE_TO_CS) out.push(...kickoffTasks(run, p));
    const kickoffBy = run.clock.addBusinessHours(start, run.threshold('kickoffHours'));
    const kickoff = str(p, 'Kickoff_At__c');
    const late = kickoff ? Date.parse(kickoff) > kickoffBy : run.now > kickoffBy;
    if (status !== 'Rejected' && status !== 'Draft' && late) {
      const what = type === AE_TO_CS ? 'CS kickoff' : 'first meeting';
      out.push(
        breach(run, p, 'kickoff-breach', `${what} not held within ${run.threshold('kickoffHours')} business hours`),
      );
    }
    if (accepted && Date.parse(accepted) > acceptBy)
      out.push(breach(run, p, 'accept-breach', `accepted after ${run.threshold('acceptHours')} business hours`));
  }
  return out;
};

const breach = (run: JobRun, p: LifecycleRecord, step: string, reason: string): LifecycleAction =>
  action(run, 'Handoff_Packet__c', p, step, {
    action: 'Alert',
    reason,
    recipient: 'receiver manager',
    update: { SLA_Breached__c: true },
  });

/** Once the receiver accepts an AE→CS packet: the CS kickoff and onboarding tasks, once each. */
const kickoffTasks = (run: JobRun, p: LifecycleRecord): LifecycleAction[] => [
  action(run, 'Handoff_Packet__c', p, 'kickoff-task', {
    action: 'Task',
    reason: 'schedule the CS kickoff',
    recipient: 'receiver',
    dueOn: run.clock.localDate(run.clock.addBusinessHours(run.now, run.threshold('kickoffHours'))),
  }),
  action(run, 'Handoff_Packet__c', p, 'onboarding-task', {
    action: 'Task',
    reason: 'start the onboarding plan',
    recipient: 'receiver',
    dueOn: addDays(run.today, run.threshold('onboardingDueDays')),
  }),
];

/** Recently won deals with no AE→CS packet: the AE owes one. */
function missingPackets(run: JobRun, packets: readonly LifecycleRecord[]): LifecycleAction[] {
  const covered = new Set(
    packets.filter((p) => str(p, 'Handoff_Type__c') === AE_TO_CS).map((p) => refOf(p, 'Opportunity__c')),
  );
  const lookback = run.threshold('packetLookbackDays');
  return (run.records.Opportunity ?? [])
    .filter((o) => run.stages.won.has(str(o, 'StageName') ?? '') && !covered.has(idOf(o)))
    .filter((o) => {
      const closed = str(o, 'CloseDate');
      return closed !== null && closed <= run.today && daysBetween(closed, run.today) <= lookback;
    })
    .map((o) =>
      action(run, 'Opportunity', o, 'cs-packet', {
        action: 'Task',
        reason: 'Closed Won without an AE to CS hand-off packet',
        recipient: 'owner',
        dueOn: run.clock.localDate(run.clock.addBusinessHours(run.now, run.threshold('packetDueHours'))),
      }),
    );
}

/** Exceptions and concessions: notice ahead of the expiry, status Expired on the day. */
export const expiries: JobHandler = (run) => {
  const notice = run.threshold('noticeDays');
  const live: [string, (r: LifecycleRecord) => boolean][] = [
    ['Deal_Exception__c', (r) => ['Requested', 'Approved'].includes(str(r, 'Status__c') ?? '')],
    ['Concession__c', (r) => (str(r, 'Status__c') ?? 'Active') === 'Active'],
  ];
  const out: LifecycleAction[] = [];
  for (const [object, isLive] of live)
    for (const r of run.records[object] ?? []) {
      const expires = str(r, 'Expires_On__c');
      if (!expires || !isLive(r)) continue;
      const left = daysBetween(run.today, expires);
      if (left <= 0)
        out.push(
          action(run, object, r, 'expired', {
            action: 'Expiry',
            reason: `expired on ${expires}`,
            recipient: 'owner',
            update: { Status__c: 'Expired' },
          }),
        );
      else if (left <= notice)
        out.push(
          action(run, object, r, 'notice', {
            action: 'Alert',
            reason: `expires on ${expires} (${left} days)`,
            recipient: 'owner',
          }),
        );
    }
  return out;
};

/** Open commitments past their due date are flagged overdue, once. */
export const commitments: JobHandler = (run) =>
  (run.records.Commitment__c ?? [])
    .filter((c) => ['Open', 'In Progress'].includes(str(c, 'Status__c') ?? ''))
    .filter((c) => {
      const due = str(c, 'Due_Date__c');
      return due !== null && daysBetween(due, run.today) > run.threshold('graceDays');
    })
    .map((c) =>
      action(run, 'Commitment__c', c, 'overdue', {
        action: 'Flag',
        reason: `due ${str(c, 'Due_Date__c')}, still ${str(c, 'Status__c')}`,
        recipient: 'owner',
        update: { Overdue__c: true },
      }),
    );

/** POCs: stall alert after 48 business hours without activity; closeout once the end date passes. */
export const pocs: JobHandler = (run) => {
  const out: LifecycleAction[] = [];
  for (const p of run.records.POC__c ?? []) {
    const status = str(p, 'Status__c');
    if (status === 'Closed' || status === 'Planned') continue;
    // The last sign of use, or the start of the POC's first day; keyed to the second, as Apex formats it.
    const lastAt = str(p, 'Last_Activity_At__c') ?? str(p, 'Start_Date__c');
    const last = lastAt === null ? null : isoSecond(Date.parse(lastAt.length === 10 ? `${lastAt}T00:00:00Z` : lastAt));
    if (
      status === 'Active' &&
      last &&
      run.now > run.clock.addBusinessHours(Date.parse(last), run.threshold('stallHours'))
    )
      out.push(
        action(run, 'POC__c', p, `stall:${last}`, {
          action: 'Alert',
          reason: `no activity for ${run.threshold('stallHours')} business hours (last ${last})`,
          recipient: 'owner',
          update: { Status__c: 'Stalled' },
        }),
      );
    const end = str(p, 'End_Date__c');
    if (end && end < run.today) out.push(...closeout(run, p, end));
  }
  return out;
};

function closeout(run: JobRun, p: LifecycleRecord, end: string): LifecycleAction[] {
  const overdue = daysBetween(end, run.today);
  const steps = [
    action(run, 'POC__c', p, 'closeout', {
      action: 'Task',
      reason: `ended ${end}: close out with the outcome and the reason`,
      recipient: 'owner',
      dueOn: addDays(run.today, 2),
    }),
  ];
  if (overdue > run.threshold('closeoutGraceDays'))
    steps.push(
      action(run, 'POC__c', p, 'closeout-escalation', {
        action: 'Escalation',
        reason: `ended ${end}, not closed out after ${overdue} days`,
        recipient: 'manager',
      }),
    );
  return steps;
}
