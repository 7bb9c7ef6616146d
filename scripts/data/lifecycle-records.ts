/**
 * What the lifecycle jobs act on (issue 13): when each deal entered its stage and last saw
 * activity (most open deals are worked, about one in eight sits idle with its next step due),
 * hand-off timestamps (some accepted or kicked off late), and POCs / trials for deals in
 * technical validation (some stalled, some past their end date). Drawn from their own random
 * streams, so the rest of a deal's record is the same with or without them.
 */
import { MS_PER_DAY, type Day } from './calendar.ts';
import { EXTERNAL_ID_FIELD } from './catalog.ts';
import type { DealStory } from './deal-stories.ts';
import type { Rng } from './prng.ts';
import type { Values } from './values.ts';
import { rngFor, type Base, type World } from './world.ts';

export const POC_OBJECT = 'POC__c';
const HOUR = 3_600_000;
/** The dataset's "now": 09:00 New York (14:00 UTC) on the anchor date. */
export const anchorMs = (today: Day): number => today * MS_PER_DAY + 14 * HOUR;

/** Days a stale deal has been idle: nudge (7-13), escalate (14-44) or time out (45+) on the anchor date. */
function staleIdleDays(rng: Rng): number {
  const [lo, hi] = rng.weighted<[number, number]>([
    [[7, 13], 0.35],
    [[14, 44], 0.45],
    [[45, 75], 0.2],
  ]);
  return rng.int(lo, hi);
}

/** Stage entry, last activity and the renewal key of a deal's record. */
export function dealActivity(world: Base, story: DealStory, renewalKey: string | null): Values {
  const rng = rngFor(world, story.renewal ? 'renewal-activity' : 'deal-activity', story.index);
  const { today } = world;
  if (story.outcome !== 'open')
    return {
      Stage_Entered_On__c: story.closeDay,
      Last_Activity_On__c: story.closeDay,

      Renewal_Key__c: null,
    };
  const age = Math.max(0, today - story.createdDay);
  const perStage = story.cycleDays / Math.max(1, world.stages.open.length);
  let entered = today - Math.round(perStage * rng.float(0.1, 1.1));
  let activity = today - rng.int(0, 6);
  if (story.stale) {
    activity = today - Math.min(age, staleIdleDays(rng));
    entered = Math.min(entered, activity - rng.int(0, 20));
  }
  entered = Math.max(story.createdDay, Math.min(entered, today));
  return {
    Stage_Entered_On__c: entered,
    Last_Activity_On__c: Math.max(activity, story.createdDay),

    Renewal_Key__c: renewalKey,
  };
}

/** Submitted, accepted and kickoff times of a hand-off packet handed over on `day`. */
export function handoffTimes(world: Base, index: number, code: string, status: string, day: Day): Values {
  const rng = rngFor(world, `handoff-times-${code}`, index);
  const now = anchorMs(world.today);
  const submitted = status === 'Draft' ? null : Math.min(now - HOUR, day * MS_PER_DAY + (13 + rng.int(0, 7)) * HOUR);
  const accepted =
    status === 'Accepted' && submitted !== null
      ? Math.min(now, submitted + (rng.bool(0.8) ? rng.float(0.5, 3.5) : rng.float(5, 30)) * HOUR)
      : null;
  const kickoffAt =
    accepted !== null && (code === 'SA' || code === 'AC')
      ? submitted! + (rng.bool(0.75) ? rng.float(4, 40) : rng.float(50, 150)) * HOUR
      : null;
  return {
    Submitted_At__c: submitted,
    Accepted_At__c: accepted,
    Kickoff_At__c: kickoffAt !== null && kickoffAt <= now ? Math.round(kickoffAt) : null,
    SLA_Breached__c: false,
  };
}

/** The open stage index of technical validation (where POCs run). */
const validationStage = (world: Base): number =>
  Math.max(
    0,
    world.stages.open.findIndex((s) => /valid/i.test(s.name)),
  );

/** Deals in or past technical validation get a POC or trial half the time. */
export function hasPoc(world: Base, story: DealStory): boolean {
  if (story.renewal || story.passed < validationStage(world)) return false;
  if (story.outcome !== 'open' && world.today - story.closeDay > 120) return false;
  return rngFor(world, 'poc', story.index).bool(0.5);
}

function pocDates(world: Base, story: DealStory, rng: Rng): Values {
  const { today } = world;
  const inValidation = story.outcome === 'open' && story.passed === validationStage(world);
  if (!inValidation) {
    const end = Math.min(
      today - 1,
      story.outcome === 'open' ? today - rng.int(5, 40) : story.closeDay - rng.int(3, 20),
    );
    return { Start_Date__c: end - rng.int(14, 30), End_Date__c: end, Status__c: 'Closed' };
  }
  if (rng.bool(0.1)) {
    const start = today + rng.int(2, 14);
    return { Start_Date__c: start, End_Date__c: start + 30, Status__c: 'Planned', Last_Activity_At__c: null };
  }
  const start = today - rng.int(2, 40);
  const idleHours = rng.weighted<[number, number]>([
    [[0, 24], 0.6],
    [[24, 72], 0.25],
    [[96, 240], 0.15],
  ]);
  return {
    Start_Date__c: start,
    End_Date__c: start + rng.int(14, 30),
    Status__c: 'Active',
    Last_Activity_At__c: Math.max(start * MS_PER_DAY, anchorMs(today) - rng.float(idleHours[0], idleHours[1]) * HOUR),
  };
}

export function pocValues(world: World, story: DealStory, lossReason: string | null = null): Values {
  const rng = rngFor(world, 'poc-fields', story.index);
  const dates = pocDates(world, story, rng);
  const closed = dates.Status__c === 'Closed';
  const exit = closed && story.outcome !== 'won' && story.outcome !== 'open';
  const outcome = !closed ? null : exit ? 'Exit' : rng.bool(0.8) ? 'Expand' : 'Extend (Paid)';
  return {
    [EXTERNAL_ID_FIELD]: world.ids.perOpportunity(POC_OBJECT, story.index),
    Opportunity__c: world.ids.opportunity(story.index),
    Account__c: world.ids.account(story.account),
    Last_Activity_At__c: closed ? (dates.End_Date__c as number) * MS_PER_DAY + 16 * HOUR : null,
    ...dates,
    Outcome__c: outcome,
    Exit_Reason__c: exit ? world.picklists.prefer(POC_OBJECT, 'Exit_Reason__c', lossReason ?? 'No Decision') : null,
    Lessons__c: closed ? rng.pick(POC_LESSONS) : null,
  };
}

const POC_LESSONS = [
  'Data import took two days longer than the runbook says; start the security track on day 1.',
  'The "aha" workflow landed in week one; the champion ran the readout herself.',
  'Scope crept from one team to three; agree success criteria before provisioning.',
  'IT review gated the SSO setup; run it in parallel next time.',
];

/** POCs of the deals that have one, in deal order. */
export function* pocRecords(world: World, deals: Iterable<DealStory>): Generator<Values> {
  for (const story of deals) if (hasPoc(world, story)) yield pocValues(world, story);
}
