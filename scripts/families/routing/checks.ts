/** The routing family's checks: the model's configuration, the vectors, and that the records deploy. */
import type { CheckContext } from '../../core/checks.ts';
import type { CustomMetadataModel } from '../custom-metadata/index.ts';
import type { RoutingModel } from './builders.ts';
import { checkConfiguration } from './config-checks.ts';
import { routingMetadataRecords } from './records.ts';
import { checkVectors } from './vector-checks.ts';

export type RoutingFamilyModel = RoutingModel & CustomMetadataModel;

export function checkRouting(model: RoutingFamilyModel, check: CheckContext): void {
  const routing = model.routing;
  if (routing) checkConfiguration(routing, check, 'Routing');
  checkVectors(model, check);
  if (!routing) return;
  // The records must reach the custom-metadata family, or nothing routes in the org.
  const wired = new Set(model.customMetadataRecords.map((r) => `${r.type}.${r.name}`));
  const missing = routingMetadataRecords(routing).filter((r) => !wired.has(`${r.type}.${r.name}`));
  if (missing.length)
    check.report(
      routing,
      'Routing',
      `${missing.length} routing record(s) are not in customMetadataRecords (e.g. ${missing[0]!.type}.${missing[0]!.name}): add ...routingMetadataRecords(routing) there`,
    );
}
