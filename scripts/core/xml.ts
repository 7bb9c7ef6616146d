import { JsToXml } from '@salesforce/source-deploy-retrieve/lib/src/convert/streams.js';
import type { JsonMap } from '@salesforce/ts-types';
import { orderElements } from './element-order.ts';

export const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

export type XmlBody = Record<string, unknown>;

/**
 * One metadata file as `sf project retrieve` writes it: XML declaration, the metadata namespace,
 * four-space indentation, elements in WSDL order, entities escaped. Serialisation is SDR's own
 * writer, so the bytes are the ones Salesforce tooling produces.
 */
export async function metadataXml(
  typeName: string,
  body: XmlBody,
  extraNamespaces: Record<string, string> = {},
): Promise<string> {
  const attributes: Record<string, string> = { '@_xmlns': METADATA_NS };
  for (const [prefix, uri] of Object.entries(extraNamespaces)) attributes[`@_xmlns:${prefix}`] = uri;
  const ordered = orderElements(typeName, stringifyScalars(body)) as XmlBody;
  let xml = '';
  for await (const chunk of new JsToXml({ [typeName]: { ...attributes, ...ordered } } as JsonMap)) xml += String(chunk);
  // A retrieve writes a nil element self-closed (`<value xsi:nil="true"/>`); SDR's writer opens and closes it.
  xml = xml.replace(/<([A-Za-z]+) xsi:nil="true"><\/\1>/g, '<$1 xsi:nil="true"/>');
  return xml.endsWith('\n') ? xml : `${xml}\n`;
}

/** Booleans and numbers as the Metadata API spells them; empty values dropped. */
function stringifyScalars(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stringifyScalars);
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => [k, stringifyScalars(v)]),
  );
}
