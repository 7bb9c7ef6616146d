/**
 * A conformance vector runs in the org as a generated Apex test: everything that would make it
 * fail there for a reason other than the router (a lead field Apex cannot deserialize, a seat
 * of an unknown pool, an expectation for a lead that is not in the batch) is found here.
 */
import type { CheckContext } from '../../core/checks.ts';
import type { RoutingModel, RoutingVectorDef } from './builders.ts';
import { checkConfiguration } from './config-checks.ts';

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const isInstant = (text: unknown) => typeof text === 'string' && /T.*Z$/.test(text) && !Number.isNaN(Date.parse(text));

export function checkVectors(model: RoutingModel, check: CheckContext): void {
  check.unique(
    model.routingVectors,
    (v) => v.name,
    (v) => `Routing vector ${v.name}`,
    'routing vector',
  );
  const lead = check.schema.object('Lead');
  for (const vector of model.routingVectors) {
    const where = `Routing vector ${vector.name} (${vector.file})`;
    if (!NAME.test(vector.name))
      check.report(vector, where, 'name must be kebab-case (it names the file and the Apex test method)');
    checkConfiguration(vector.routing, check, where);
    if (!isInstant(vector.clock))
      check.report(vector, where, `clock ${JSON.stringify(vector.clock)} must be an ISO instant ending in Z`);
    checkState(vector, check, where);
    const ids = vector.leads.map((l) => l.External_Id__c);
    if (ids.some((id) => typeof id !== 'string' || !id) || new Set(ids).size !== ids.length)
      check.report(vector, where, 'every lead needs a unique External_Id__c (it names the lead in the decisions)');
    for (const record of vector.leads)
      for (const field of Object.keys(record))
        if (lead && !lead.field(field))
          check.report(vector, where, `lead ${String(record.External_Id__c)}: Lead has no field ${field}`);
    const decided = vector.expected.decisions.map((d) => d.lead);
    if (decided.join('\n') !== ids.join('\n'))
      check.report(vector, where, 'expected.decisions must name every lead once, in input order');
  }
}

function checkState(vector: RoutingVectorDef, check: CheckContext, where: string): void {
  const owners = new Set(vector.owners.map((o) => o.id));
  const pools = new Set(vector.routing.pools.map((p) => p.name));
  const calendars = new Set(vector.routing.calendars.map((c) => c.name));
  for (const o of vector.owners) {
    if (o.calendar && !calendars.has(o.calendar))
      check.report(vector, where, `owner ${o.id}: unknown calendar ${o.calendar}`);
    for (const w of o.away ?? [])
      if (!isInstant(w.from) || !isInstant(w.until))
        check.report(vector, where, `owner ${o.id}: away windows are ISO instants`);
  }
  for (const s of [...vector.seats, ...vector.expected.seats]) {
    if (!pools.has(s.pool)) check.report(vector, where, `seat ${s.id}: unknown pool ${s.pool}`);
    if (!owners.has(s.owner)) check.report(vector, where, `seat ${s.id}: unknown owner ${s.owner}`);
    if (!Number.isInteger(s.weight) || s.weight < 0)
      check.report(vector, where, `seat ${s.id}: weight must be a whole number >= 0`);
  }
  for (const a of vector.accounts)
    if (!owners.has(a.owner)) check.report(vector, where, `account ${a.id}: unknown owner ${a.owner}`);
  const seatIds = vector.seats.map((s) => s.id).join('\n');
  if (vector.expected.seats.map((s) => s.id).join('\n') !== seatIds)
    check.report(vector, where, 'expected.seats must list every seat, in the order of seats');
}
