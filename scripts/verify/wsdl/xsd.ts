/**
 * The vendored Metadata API WSDL as an XML Schema: its version, its types (for plain-words
 * messages) and, for a set of root types, the XSD that libxml2 validates with.
 *
 * The XSD is derived in memory on every run (reading the WSDL costs a few hundred milliseconds,
 * cutting the XSD a few), never written to disk, so it cannot drift from the WSDL. It holds only
 * the types the validated files can reach from their root types: on one busy machine libxml2
 * compiled and ran the whole 3,000-type schema over this project in 3.5 s and the ~340 types it
 * reaches in 1.5 s, with the same verdicts (a type no element can reach cannot affect validation;
 * types named by `xsi:type` in the files are added as roots).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { localName, xmlTags, type XmlTag } from './scan.ts';

export const WSDL_FILE = fileURLToPath(
  new URL('../../../vendor/salesforce-metadata-wsdl/metadata.wsdl', import.meta.url),
);
export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

export interface SchemaElement {
  readonly name: string;
  /** `tns:CustomField`, `xsd:string`... as the WSDL writes it. */
  readonly type: string;
  readonly minOccurs: number;
  readonly maxOccurs: number;
  readonly nillable: boolean;
}

export interface SchemaType {
  readonly name: string;
  /** The extended type (`Metadata` for every metadata type, directly or not). */
  readonly base?: string;
  /** Its own elements in sequence order; `elementsOf` puts the base type's first. */
  readonly elements: readonly SchemaElement[];
  /** A simple type's enumeration values. */
  readonly values: readonly string[];
  /** Its declaration, as written in the WSDL (overrides applied). */
  readonly declaration: string;
}

/**
 * Where the WSDL does not describe a file as Salesforce itself writes, documents and accepts it,
 * one type's declaration is rewritten, with why. Each override names the exact text it relies on
 * (`expects`): when a new WSDL changes it, loading fails so the override is reviewed, never stale.
 */
export interface Override {
  readonly type: string;
  readonly expects: readonly string[];
  readonly why: string;
  rewrite(declaration: string, types: ReadonlyMap<string, SchemaType>): string;
}

const TARGET_CONFIGS = '<xsd:element name="targetConfigs" minOccurs="0" type="xsd:base64Binary"/>';

export const OVERRIDES: readonly Override[] = [
  {
    type: 'LightningComponentBundle',
    expects: ['<xsd:extension base="tns:Metadata">', TARGET_CONFIGS],
    why:
      'a js-meta.xml is read by the LWC bundle handler, not as a WSDL sequence: Salesforce writes and ' +
      'documents its elements in any order (targets before targetConfigs, masterLabel before description), ' +
      'and targetConfigs holds XML (<targetConfig targets="...">) where the WSDL types it base64Binary. ' +
      'So: the same elements, each at most once, in any order; targetConfigs holds targetConfig elements, ' +
      'whose content is not checked',
    rewrite(declaration, types) {
      const elements = [types.get('Metadata')?.declaration ?? '', declaration].flatMap(
        (d) => d.match(/<xsd:element [^>]*\/>/g) ?? [],
      );
      // xsd:all allows each element at most once: an element that may repeat needs another review.
      if (elements.some((e) => /maxOccurs="(unbounded|[2-9])/.test(e)))
        throw new Error('LightningComponentBundle has an element that may repeat: review its override');
      const all = elements.map((e) => (e === TARGET_CONFIGS ? TARGET_CONFIGS_AS_XML : e)).join('');
      return `<xsd:complexType name="LightningComponentBundle"><xsd:all>${all}</xsd:all></xsd:complexType>`;
    },
  },
];

const TARGET_CONFIGS_AS_XML =
  '<xsd:element name="targetConfigs" minOccurs="0"><xsd:complexType><xsd:sequence>' +
  '<xsd:element name="targetConfig" maxOccurs="unbounded"><xsd:complexType><xsd:sequence>' +
  '<xsd:any namespace="##any" processContents="skip" minOccurs="0" maxOccurs="unbounded"/>' +
  '</xsd:sequence><xsd:anyAttribute processContents="skip"/></xsd:complexType></xsd:element>' +
  '</xsd:sequence></xsd:complexType></xsd:element>';

export class MetadataWsdl {
  /** From the header comment: `Salesforce.com Metadata API version 66.0`. */
  readonly apiVersion: string;
  readonly types: ReadonlyMap<string, SchemaType>;
  /** The `<xsd:schema ...>` start tag, for the derived XSD. */
  private readonly schemaTag: string;

  private constructor(apiVersion: string, types: ReadonlyMap<string, SchemaType>, schemaTag: string) {
    this.apiVersion = apiVersion;
    this.types = types;
    this.schemaTag = schemaTag;
  }

  static parse(wsdl: string): MetadataWsdl {
    const version = /Metadata API version (\d+\.\d+)/.exec(wsdl.slice(0, 1000))?.[1];
    if (!version) throw new Error('the WSDL does not say its Metadata API version in its header comment');
    const { schemaTag, types } = readTypes(wsdl);
    return new MetadataWsdl(version, applyOverrides(types), schemaTag);
  }

  /** A type the Metadata API deploys: it extends `Metadata`, directly or through another type. */
  isMetadataType(name: string): boolean {
    for (let t = this.types.get(name)?.base; t; t = this.types.get(t)?.base) if (t === 'Metadata') return true;
    return false;
  }

  /** Every element of a complex type in sequence order: its base type's elements first. */
  elementsOf(name: string): SchemaElement[] {
    const type = this.types.get(name);
    if (!type) return [];
    return [...(type.base ? this.elementsOf(type.base) : []), ...type.elements];
  }

  /** An XML Schema with a global element for each root type and every type they reach. */
  xsdFor(rootTypes: Iterable<string>, extraTypes: Iterable<string> = []): string {
    const roots = [...new Set(rootTypes)].sort();
    const reached = new Set<string>();
    const pending = [...roots, ...extraTypes].filter((t) => this.types.has(t));
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      if (reached.has(name)) continue;
      reached.add(name);
      for (const m of this.types.get(name)!.declaration.matchAll(/(?:type|base)="tns:(\w+)"/g)) pending.push(m[1]!);
    }
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      this.schemaTag,
      ...[...reached].sort().map((name) => this.types.get(name)!.declaration),
      ...roots.map((name) => `<xsd:element name="${name}" type="tns:${name}"/>`),
      '</xsd:schema>',
    ].join('\n');
  }
}

let loaded: Promise<MetadataWsdl> | undefined;

/** The vendored WSDL, read and parsed once per process. */
export function loadWsdl(): Promise<MetadataWsdl> {
  loaded ??= readFile(WSDL_FILE, 'utf8').then((text) => MetadataWsdl.parse(text));
  return loaded;
}

/** The top-level named types of the WSDL's `<xsd:schema>`, with their declarations' text. */
function readTypes(wsdl: string): { schemaTag: string; types: Map<string, SchemaType> } {
  const types = new Map<string, SchemaType>();
  let schemaTag: string | undefined;
  let depth = 0;
  let schemaDepth = -1;
  let current: { open: XmlTag; base?: string; elements: SchemaElement[]; values: string[] } | undefined;
  for (const tag of xmlTags(wsdl)) {
    if (tag.kind === 'close') depth--;
    if (tag.name === 'xsd:schema' && tag.kind === 'open') {
      schemaDepth = depth;
      // The derived XSD stands alone: it declares the prefixes the WSDL's root declared for it.
      schemaTag = wsdl
        .slice(tag.start, tag.end)
        .replace(
          '<xsd:schema',
          `<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="${METADATA_NAMESPACE}"`,
        );
    } else if (depth === schemaDepth + 1 && tag.kind === 'open' && /^xsd:(complex|simple)Type$/.test(tag.name))
      current = { open: tag, elements: [], values: [] };
    else if (current && tag.kind === 'close' && depth === schemaDepth + 1) {
      const name = current.open.attributes.name!;
      const { base, elements, values } = current;
      types.set(name, { name, base, elements, values, declaration: wsdl.slice(current.open.start, tag.end) });
      current = undefined;
    } else if (current && tag.kind !== 'close') readDeclaration(tag, current);
    if (tag.kind === 'open') depth++;
  }
  if (!schemaTag || !types.size) throw new Error('the WSDL has no <xsd:schema> with named types');
  return { schemaTag, types };
}

function readDeclaration(tag: XmlTag, type: { base?: string; elements: SchemaElement[]; values: string[] }): void {
  const a = tag.attributes;
  const name = localName(tag.name);
  if (name === 'extension' && a.base) type.base = localName(a.base);
  else if (name === 'enumeration' && a.value !== undefined) type.values.push(a.value);
  else if (name === 'element' && a.name)
    type.elements.push({
      name: a.name,
      type: a.type ?? 'xsd:anyType',
      minOccurs: a.minOccurs === undefined ? 1 : Number(a.minOccurs),
      maxOccurs: a.maxOccurs === 'unbounded' ? Infinity : a.maxOccurs === undefined ? 1 : Number(a.maxOccurs),
      nillable: a.nillable === 'true',
    });
}

function applyOverrides(types: Map<string, SchemaType>): Map<string, SchemaType> {
  for (const o of OVERRIDES) {
    const type = types.get(o.type);
    const missing = o.expects.find((text) => !type?.declaration.includes(text));
    if (!type || missing !== undefined)
      throw new Error(
        `WSDL override no longer applies: ${o.type} does not declare ${missing}; review OVERRIDES in scripts/verify/wsdl/xsd.ts`,
      );
    types.set(o.type, { ...type, declaration: o.rewrite(type.declaration, types) });
  }
  return types;
}
