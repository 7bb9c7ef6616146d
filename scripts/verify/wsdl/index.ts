/**
 * Every metadata file the project ships, validated against the official Metadata API WSDL
 * (vendor/salesforce-metadata-wsdl) by libxml2: element names, order, required elements, enum
 * values. And no API version newer than the WSDL's, so that what is validated is what deploys.
 *
 * What is validated: the source-format files themselves (each `*-meta.xml`, typed by its root
 * element), not SDR's converted Metadata API output. A finding then points at the line of the file
 * that is committed, and decomposed types need no exception: a field, a validation rule or a
 * business process is a file of its own, valid against its own type, whereas a converted `.object`
 * lists them after the object's own elements (which the API accepts and the WSDL's sequence does
 * not). Turning source into that output is SDR's job, proven by verify's round trip.
 * The one false alarm left is an override in xsd.ts (LWC targetConfigs), narrow and tested.
 *
 * All files go to libxml2 in one call: compiling the schema dominates (a second or more), and a
 * call per file would pay it every time.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { SourceComponent } from '@salesforce/source-deploy-retrieve';
import { memoryPages, validateXML } from 'xmllint-wasm';
import { closestNames } from '../../formula/suggest.ts';
import type { Project } from '../../project.ts';
import type { Finding } from '../findings.ts';
import { findingsFromOutput, SCHEMA_CHECK, type ValidatedFile } from './messages.ts';
import { readRoot } from './scan.ts';
import { loadWsdl, METADATA_NAMESPACE, type MetadataWsdl } from './xsd.ts';

export { SCHEMA_CHECK } from './messages.ts';
export const API_VERSION_CHECK = 'api-version';

/** A file to validate: where it is, how findings name it, and its component. */
export interface MetadataFile {
  readonly path: string;
  readonly display: string;
  readonly component?: string;
}

export interface SchemaReport {
  /** The vendored WSDL's Metadata API version. */
  readonly apiVersion: string;
  readonly findings: readonly Finding[];
  /** Per metadata kind (the files' root element): files validated and violations found. */
  readonly kinds: readonly { readonly kind: string; readonly files: number; readonly violations: number }[];
}

/** The project's metadata files (`metadataFiles`) and its sourceApiVersion. */
export async function checkProjectMetadata(project: Project, files: readonly MetadataFile[]): Promise<SchemaReport> {
  const report = await checkMetadataFiles(files);
  const projectVersion = await checkProjectApiVersion(project, report.apiVersion);
  return { ...report, findings: [...projectVersion, ...report.findings] };
}

/** Each component's metadata file and its children's (fields, validation rules...), once each. */
export function metadataFiles(project: Project, sources: readonly SourceComponent[]): MetadataFile[] {
  const files = new Map<string, MetadataFile>();
  const visit = (c: SourceComponent) => {
    if (c.xml && !files.has(c.xml))
      files.set(c.xml, {
        path: c.xml,
        display: relative(project.root, c.xml).split('\\').join('/'),
        component: `${c.type.name} ${c.fullName}`,
      });
    for (const child of c.getChildren()) visit(child);
  };
  for (const c of sources) visit(c);
  return [...files.values()].sort((a, b) => a.display.localeCompare(b.display));
}

/** Validates the files against the WSDL in one libxml2 call, and checks their apiVersion. */
export async function checkMetadataFiles(files: readonly MetadataFile[]): Promise<SchemaReport> {
  const wsdl = await loadWsdl();
  const findings: Finding[] = [];
  const toValidate = new Map<string, ValidatedFile>();
  const kindOf = new Map<string, string>();
  for (const [i, file] of files.entries()) {
    const text = await readFile(file.path, 'utf8');
    const root = readRoot(text);
    const at = (line: number) => ({ location: `${file.display}:${line}`, component: file.component });
    kindOf.set(file.display, root?.name ?? '(not XML)');
    const problem = rootProblem(wsdl, root);
    if (problem) {
      findings.push({ check: SCHEMA_CHECK, ...at(root?.line ?? 1), message: problem });
      continue;
    }
    const version = root!.children.find((c) => c.name === 'apiVersion');
    if (version && Number(version.text.trim()) > Number(wsdl.apiVersion))
      findings.push({ check: API_VERSION_CHECK, ...at(version.line), message: tooNew(version.text.trim(), wsdl) });
    const id = `f${i}.xml`;
    toValidate.set(id, { id, display: file.display, component: file.component, kind: root!.name, text });
  }
  findings.push(...(await validate(wsdl, toValidate)));
  findings.sort((a, b) => a.location.localeCompare(b.location, 'en', { numeric: true }));
  return { apiVersion: wsdl.apiVersion, findings, kinds: countByKind(kindOf, findings) };
}

/** A root element libxml2 could only call "no matching global declaration", in plain words. */
function rootProblem(wsdl: MetadataWsdl, root: ReturnType<typeof readRoot>): string | undefined {
  if (!root) return 'no XML root element';
  if (!wsdl.isMetadataType(root.name)) {
    const kinds = [...wsdl.types.keys()].filter((t) => wsdl.isMetadataType(t));
    const close = closestNames(root.name, kinds).map((n) => `<${n}>`);
    return (
      `the Metadata API ${wsdl.apiVersion} WSDL has no metadata type <${root.name}>` +
      (close.length ? ` (did you mean ${close.join(', ')}?)` : '') +
      ': the file cannot be validated, and an org of that version would not know it'
    );
  }
  if (root.namespace !== METADATA_NAMESPACE)
    return `<${root.name}> is not in the Metadata API namespace: write <${root.name} xmlns="${METADATA_NAMESPACE}">`;
  return undefined;
}

const against = (wsdlVersion: string) =>
  `the Metadata API WSDL the project validates against (${wsdlVersion}, vendor/salesforce-metadata-wsdl): ` +
  `use ${wsdlVersion}, or vendor a newer WSDL`;

const tooNew = (version: string, wsdl: MetadataWsdl) =>
  `apiVersion ${version} is newer than ${against(wsdl.apiVersion)}`;

async function validate(wsdl: MetadataWsdl, files: ReadonlyMap<string, ValidatedFile>): Promise<Finding[]> {
  if (!files.size) return [];
  const texts = [...files.values()].map((f) => f.text);
  // A custom metadata value may name its type (xsi:type="xsd:string"); a WSDL type named so must be in the schema.
  const named = texts.flatMap((t) => [...t.matchAll(/xsi:type="(?:[^":]*:)?([^"]+)"/g)].map((m) => m[1]!));
  const result = await validateXML({
    xml: [...files.values()].map((f) => ({ fileName: f.id, contents: f.text })),
    schema: { fileName: 'metadata.xsd', contents: wsdl.xsdFor(new Set([...files.values()].map((f) => f.kind)), named) },
    // Memory grows on demand: the ceiling only keeps a large project from failing for want of it.
    maxMemoryPages: memoryPages.GiB,
  });
  const findings = findingsFromOutput(result.rawOutput, files, wsdl);
  if (!result.valid && !findings.length)
    throw new Error(`xmllint reported invalid files but no error this module understands:\n${result.rawOutput}`);
  return findings;
}

function countByKind(kindOf: ReadonlyMap<string, string>, findings: readonly Finding[]): SchemaReport['kinds'] {
  const kinds = new Map<string, { kind: string; files: number; violations: number }>();
  for (const kind of kindOf.values()) {
    const entry = kinds.get(kind) ?? { kind, files: 0, violations: 0 };
    kinds.set(kind, { ...entry, files: entry.files + 1 });
  }
  for (const f of findings) {
    const kind = kindOf.get(f.location.replace(/:\d+$/, ''));
    const entry = kind && kinds.get(kind);
    if (entry) entry.violations++;
  }
  return [...kinds.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}

/** sfdx-project.json's sourceApiVersion: what SDR converts and deploys with. */
async function checkProjectApiVersion(project: Project, wsdlVersion: string): Promise<Finding[]> {
  const version = Number(project.apiVersion);
  if (Number.isFinite(version) && version <= Number(wsdlVersion)) return [];
  const text = await readFile(join(project.root, 'sfdx-project.json'), 'utf8').catch(() => '');
  const line = text.split('\n').findIndex((l) => l.includes('"sourceApiVersion"')) + 1;
  const message = Number.isFinite(version)
    ? `sourceApiVersion ${project.apiVersion} is newer than ${against(wsdlVersion)}`
    : `sourceApiVersion ${project.apiVersion} is not an API version (such as ${wsdlVersion})`;
  return [{ check: API_VERSION_CHECK, location: `sfdx-project.json${line ? `:${line}` : ''}`, message }];
}
