/** Reading a dataset's rep roster (routing-roster.json) for capacity and comp, with errors that name the file. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SfError } from '@salesforce/core/sfError';
import { DatasetError } from '../data/errors.ts';
import { ROSTER_FILE, ROSTER_FORMAT, type Roster } from '../data/routing-roster.ts';
import type { RevenuePlanDef } from '../dsl/index.ts';

/** What the GTM commands need from the model and cannot run without. */
export class GtmPlanError extends SfError {}

export function requirePlan(plan: RevenuePlanDef | undefined): RevenuePlanDef {
  if (!plan)
    throw new GtmPlanError('model: defines no revenue plan (model/gtm/revenue-plan.ts)', 'NoRevenuePlan', [
      'Add a revenuePlan(...) to the model (see docs/model/gtm-plan.md)',
    ]);
  return plan;
}

export async function readRepRoster(dir: string): Promise<Roster> {
  const file = join(dir, ROSTER_FILE);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new DatasetError(file, 'not found: capacity and comp read the reps from the roster', undefined, {
      name: 'RosterMissing',
      actions: [
        'Regenerate the dataset with `revops data generate --out <dir> --force`',
        'or write the file (docs/dataset-format.md)',
      ],
    });
  });
  let roster: Roster;
  try {
    roster = JSON.parse(text) as Roster;
  } catch (e) {
    throw new DatasetError(file, `not valid JSON (${(e as Error).message})`, undefined, { name: 'RosterInvalid' });
  }
  if (roster?.format !== ROSTER_FORMAT || !Array.isArray(roster.users) || !Array.isArray(roster.seats))
    throw new DatasetError(file, `expected format ${ROSTER_FORMAT} with users and seats`, undefined, {
      name: 'RosterInvalid',
    });
  for (const u of roster.users)
    if (u.hiredOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(u.hiredOn))
      throw new DatasetError(file, `user ${u.id}: hiredOn "${u.hiredOn}" is not YYYY-MM-DD`, undefined, {
        name: 'RosterInvalid',
      });
  return roster;
}
