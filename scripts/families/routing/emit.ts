/**
 * The routing family's files beyond its custom metadata records (which the custom-metadata
 * family writes): the queues (the roles family writes their public groups), the decision platform event, and the
 * conformance vectors as a static resource with their generated Apex test class.
 */
import { at, type EmitOptions, type GeneratedFile } from '../../core/family.ts';
import { metadataXml } from '../../core/xml.ts';
import { conformanceTestClass, CONFORMANCE_CLASS } from './apex-tests.ts';
import type { RoutingModel } from './builders.ts';
import { DECISION_EVENT, DECISION_EVENT_FIELDS } from './event.ts';
import { vectorResource, VECTORS_RESOURCE } from './vectors.ts';

export async function emitRouting(model: RoutingModel, { apiVersion }: EmitOptions): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  const routing = model.routing;
  if (routing) {
    for (const q of routing.queues)
      files.push({
        path: at('queues', `${q.name}.queue-meta.xml`),
        content: await metadataXml('Queue', {
          description: q.description,
          doesSendEmailToMembers: false,
          name: q.label,
          queueMembers: q.groups.length ? { publicGroups: { publicGroup: q.groups } } : undefined,
          queueSobject: [{ sobjectType: 'Lead' }],
        }),
      });
    files.push(...(await decisionEvent()));
  }
  if (model.routingVectors.length) {
    files.push(
      { path: at('staticresources', `${VECTORS_RESOURCE}.json`), content: vectorResource(model.routingVectors) },
      {
        path: at('staticresources', `${VECTORS_RESOURCE}.resource-meta.xml`),
        content: await metadataXml('StaticResource', {
          cacheControl: 'Private',
          contentType: 'application/json',
          description: 'Routing conformance vectors (data/routing-vectors), read by RoutingConformance_Test.',
        }),
      },
      { path: at('classes', `${CONFORMANCE_CLASS}.cls`), content: conformanceTestClass(model.routingVectors) },
      {
        path: at('classes', `${CONFORMANCE_CLASS}.cls-meta.xml`),
        content: await metadataXml('ApexClass', { apiVersion, status: 'Active' }),
      },
    );
  }
  return files;
}

/** The platform event every routing decision is published as (see event.ts for why). */
async function decisionEvent(): Promise<GeneratedFile[]> {
  const dir = (...rest: string[]) => at('objects', DECISION_EVENT, ...rest);
  const files = [
    {
      path: dir(`${DECISION_EVENT}.object-meta.xml`),
      content: await metadataXml('CustomObject', {
        deploymentStatus: 'Deployed',
        description:
          'One routing decision, published immediately so that the audit survives a rollback of the transaction that routed the lead.',
        eventType: 'HighVolume',
        label: 'Routing Decision Event',
        pluralLabel: 'Routing Decision Events',
        publishBehavior: 'PublishImmediately',
      }),
    },
  ];
  for (const [name, f] of Object.entries(DECISION_EVENT_FIELDS))
    files.push({
      path: dir('fields', `${name}.field-meta.xml`),
      content: await metadataXml('CustomField', {
        fullName: name,
        externalId: false,
        label: f.label,
        ...(f.type === 'Text' ? { length: f.length } : {}),
        ...(f.type === 'LongTextArea' ? { length: f.length, visibleLines: 3 } : {}),
        ...(f.type === 'Number' ? { precision: 3, scale: 0 } : {}),
        ...(f.type === 'LongTextArea' ? {} : { required: false }),
        type: f.type,
      }),
    });
  return files;
}
