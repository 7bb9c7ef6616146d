/**
 * Churned customers of a dataset: `churn.json` beside the records, format `revops-churn/1`. A
 * contract that is not renewing carries a Churn_Reason__c but no date, and comp's clawback (002
 * Phase 9: claw back only on churn within 90 days) needs the day the customer gave notice. In an
 * org that day is Churn_Reason__c's field history; a dataset has none, so it is written here.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatDay } from './calendar.ts';
import { contractStory, oppStory } from './deal-stories.ts';
import { rngFor, type World } from './world.ts';

export const CHURN_FILE = 'churn.json';
export const CHURN_FORMAT = 'revops-churn/1';

export interface ChurnEvent {
  /** Account External_Id__c. */
  readonly account: string;
  /** The contract that will not renew, and the won deal it came from (External_Id__c). */
  readonly contract: string;
  readonly opportunity: string;
  /** The day the customer gave notice, YYYY-MM-DD. */
  readonly noticeOn: string;
}

export interface ChurnFile {
  readonly format: typeof CHURN_FORMAT;
  readonly events: readonly ChurnEvent[];
}

/** Non-renewing contracts, with notice 3 weeks to 5 months after the win (never after the anchor date). */
export function buildChurn(world: World): ChurnFile {
  const events: ChurnEvent[] = [];
  for (const i of world.plan.won) {
    const won = oppStory(world, i);
    if (contractStory(world, won).renewalType !== 'Non-Renewing') continue;
    const notice = Math.min(world.today, won.closeDay + rngFor(world, 'churn-notice', i).int(21, 150));
    events.push({
      account: world.ids.account(won.account),
      contract: world.ids.contract(i),
      opportunity: world.ids.opportunity(i),
      noticeOn: formatDay(notice),
    });
  }
  return { format: CHURN_FORMAT, events };
}

export async function writeChurn(world: World, dir: string): Promise<void> {
  if (!world.catalog.has('Contract')) return;
  await writeFile(join(dir, CHURN_FILE), `${JSON.stringify(buildChurn(world), null, 1)}\n`);
}
