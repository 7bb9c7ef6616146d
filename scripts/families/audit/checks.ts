/**
 * An audit trail must hold: a field history trail names fields that exist and track history (so
 * untracking a discount is an error, not a silent gap), within Salesforce's 20 tracked fields per
 * object (the objects family counts them); an audit-object trail names an object of the model.
 */
import type { CheckContext } from '../../core/checks.ts';
import { fieldPath } from '../../core/model-types.ts';
import type { ObjectsModel } from '../objects/index.ts';
import type { AuditModel, AuditTrailDef } from './builders.ts';

/** Salesforce: at most 20 fields per object track history (Field Audit Trail raises it to 60). */
export const MAX_HISTORY_FIELDS = 20;

/** Whether the model tracks a field's history (a custom field, or a standard field's settings). */
export function tracksHistory(model: ObjectsModel, object: string, field: string): boolean | undefined {
  const def = model.objects.find((o) => o.apiName === object);
  if (!def) return undefined;
  const custom = def.fields[field];
  if (custom) return custom.trackHistory ?? false;
  return def.standard ? (def.standardFields[field]?.trackHistory ?? false) : false;
}

export function checkAudit(model: AuditModel & ObjectsModel, check: CheckContext): void {
  for (const trail of model.auditTrails) checkTrail(model, trail, check);
}

function checkTrail(model: AuditModel & ObjectsModel, trail: AuditTrailDef, check: CheckContext): void {
  const c = `AuditTrail ${trail.event}`;
  const m = trail.mechanism;
  if (m.via === 'history') {
    if (!m.fields.length) check.report(trail, c, 'a field history trail names no fields');
    for (const ref of m.fields) {
      check.fieldExists(trail, c, ref, 'the audit trail');
      if (check.schema.object(ref.object)?.field(ref.field) && tracksHistory(model, ref.object, ref.field) === false)
        check.report(
          trail,
          c,
          `${fieldPath(ref)} does not track history: set trackHistory on it (at most ${MAX_HISTORY_FIELDS} per object)`,
        );
    }
  } else if (m.via === 'auditObject' && !model.objects.some((o) => o.apiName === m.object))
    check.report(trail, c, `audit object ${m.object} is not an object of the model`);
  else if (m.via === 'eventMonitoring' && !m.eventTypes.length)
    check.report(trail, c, 'an Event Monitoring trail names no event types');
}
