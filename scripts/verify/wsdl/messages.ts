/**
 * libxml2's schema errors in plain words, with their facts kept: the element found, where, and
 * what the schema expected. libxml2 says "This element is not expected" for an unknown element,
 * an out-of-order one, a repeated one and one that follows a missing required element alike, and
 * lists at most a few expected names; the WSDL's own sequence tells these apart.
 */
import { closestNames } from '../../formula/suggest.ts';
import type { Finding } from '../findings.ts';
import { elementAt } from './scan.ts';
import type { MetadataWsdl, SchemaElement } from './xsd.ts';

/** A file as xmllint saw it: `id` is its name there (f12.xml), `display` the project path. */
export interface ValidatedFile {
  readonly id: string;
  readonly display: string;
  readonly component?: string;
  readonly kind: string;
  readonly text: string;
}

export const SCHEMA_CHECK = 'metadata-schema';

// file:line: <domain> error : <message>; a parser error is followed by two context lines, skipped.
const OUTPUT_LINE = /^(\S+):(\d+): (.*?) (?:error|warning) : (.*)$/;
const ELEMENT_ERROR = /^Element '(?:\{[^}]*\})?([^']+)'(?:, attribute '([^']+)')?: (.*)$/;

/** Every error in xmllint's output as a Finding, in output order (files in the order given). */
export function findingsFromOutput(
  output: string,
  files: ReadonlyMap<string, ValidatedFile>,
  wsdl: MetadataWsdl,
): Finding[] {
  const findings: Finding[] = [];
  let previous = '';
  for (const raw of output.split('\n')) {
    const m = OUTPUT_LINE.exec(raw);
    const file = m && files.get(m[1]!);
    if (!m || !file) continue;
    const [, , line, domain, message] = m as unknown as [string, string, string, string, string];
    const element = ELEMENT_ERROR.exec(message);
    // libxml2 follows a failed enumeration (or pattern) facet with a second error for the same
    // value ("not a valid value of the atomic type"): one problem, one finding.
    const key = `${file.id}:${line}:${element?.[1]}`;
    if (element && previous === key && /is not a valid value of the atomic type/.test(message)) continue;
    previous = key;
    const words =
      domain === 'parser'
        ? `not well-formed XML: ${message}`
        : element
          ? explain(wsdl, file, Number(line), element[1]!, element[2], element[3]!)
          : withoutNamespaces(message);
    findings.push({
      check: SCHEMA_CHECK,
      location: `${file.display}:${line}`,
      component: file.component,
      message: words,
    });
  }
  return findings;
}

const withoutNamespaces = (text: string) => text.replace(/\{[^}]*\}/g, '');

/** The names in libxml2's "Expected is ( {ns}a, {ns}b )". */
const expectedNames = (list: string | undefined) => (list ? withoutNamespaces(list).split(/,\s*/) : []);

/** `<a>, <b>`; libxml2 lists at most 10 names, so ten means "and maybe more". */
const listed = (names: readonly string[]) => names.map((n) => `<${n}>`).join(', ') + (names.length >= 10 ? ', …' : '');

/** `; expected here: <a>, <b>`, or nothing when libxml2 named nothing (as in an xsd:all group). */
const expectedHere = (names: readonly string[]) => (names.length ? `; expected here: ${listed(names)}` : '');

function explain(
  wsdl: MetadataWsdl,
  file: ValidatedFile,
  line: number,
  element: string,
  attribute: string | undefined,
  detail: string,
): string {
  const context = new ElementInContext(wsdl, file, line, element);
  if (attribute) return `<${element}> has attribute ${attribute}: ${withoutNamespaces(detail)}`;
  let m: RegExpExecArray | null;
  if ((m = /^This element is not expected\.(?: Expected is(?: one of)? \( (.*) \)\.)?$/.exec(detail)))
    return context.notExpected(expectedNames(m[1]));
  if ((m = /^Missing child element\(s\)\. Expected is(?: one of)? \( (.*) \)\.$/.exec(detail)))
    return context.incomplete(expectedNames(m[1]));
  if ((m = /^\[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}\.$/.exec(detail)))
    return context.notInEnumeration(
      m[1]!,
      m[2]!.split(/', '/).map((v) => v.replace(/^'|'$/g, '')),
    );
  if ((m = /^'(.*)' is not a valid value of the atomic type '(.*)'\.$/.exec(detail)))
    return `<${element}> is '${m[1]}', not a valid ${TYPE_WORDS[m[2]!] ?? withoutNamespaces(m[2]!)}`;
  if (/^Element content is not allowed, because the type definition is simple\.$/.test(detail))
    return `<${element}> holds elements, but the schema types it as ${context.declared()?.type ?? 'text'}: text only`;
  if (
    /^Character content other than whitespace is not allowed because the content type is 'element-only'\.$/.test(detail)
  )
    return `<${element}> holds text, but it may hold only elements`;
  return `<${element}>: ${withoutNamespaces(detail)}`;
}

const TYPE_WORDS: Record<string, string> = {
  'xs:boolean': 'boolean (true or false)',
  'xs:double': 'number',
  'xs:int': 'whole number',
  'xs:long': 'whole number',
  'xs:date': 'date (YYYY-MM-DD)',
  'xs:dateTime': 'date and time',
  'xs:time': 'time',
};

/** The element a message is about, its parent's type and its earlier siblings. */
class ElementInContext {
  private readonly parent: { readonly name: string; readonly type?: string };
  private readonly siblings: readonly string[];
  private readonly self?: string;
  private readonly wsdl: MetadataWsdl;
  private readonly element: string;

  constructor(wsdl: MetadataWsdl, file: ValidatedFile, line: number, element: string) {
    this.wsdl = wsdl;
    this.element = element;
    const at = elementAt(file.text, line, element);
    const path = [...(at?.ancestors ?? []), element];
    // The root is typed by its kind; every other element by its declaration in its parent's type.
    const types: (string | undefined)[] = [file.kind];
    for (let i = 1; i < path.length; i++) {
      const declared = types[i - 1] && wsdl.elementsOf(types[i - 1]!).find((e) => e.name === path[i]);
      types.push(declared && declared.type.startsWith('tns:') ? declared.type.slice(4) : undefined);
    }
    this.parent = { name: path.at(-2) ?? '', type: types.at(-2) };
    this.self = types.at(-1);
    this.siblings = at?.earlierSiblings ?? [];
  }

  /** `<fields> (CustomField)`, or `<CustomField>` when the element is named after its type. */
  private where(name: string, type: string | undefined): string {
    return type && type !== name ? `<${name}> (${type})` : `<${name}>`;
  }

  declared(): SchemaElement | undefined {
    return this.parent.type ? this.wsdl.elementsOf(this.parent.type).find((e) => e.name === this.element) : undefined;
  }

  notExpected(expected: readonly string[]): string {
    const where = this.where(this.parent.name, this.parent.type);
    const elements = this.parent.type ? this.wsdl.elementsOf(this.parent.type) : [];
    const index = elements.findIndex((e) => e.name === this.element);
    if (!elements.length) return `<${this.element}> is not expected${expectedHere(expected)}`;
    if (index < 0) {
      const close = closestNames(
        this.element,
        elements.map((e) => e.name),
      ).map((n) => `<${n}>`);
      const hint = close.length ? ` (did you mean ${close.join(', ')}?)` : '';
      return `${where} has no element <${this.element}>${hint}${expectedHere(expected)}`;
    }
    if (elements[index]!.maxOccurs === 1 && this.siblings.includes(this.element))
      return `<${this.element}> appears more than once in ${where}, which allows one`;
    const later = this.siblings.find((s) => elements.findIndex((e) => e.name === s) > index);
    if (later) return `<${this.element}> is out of order in ${where}: it must come before <${later}>`;
    const required = elements.filter((e) => e.minOccurs > 0 && expected.includes(e.name));
    if (required.length)
      return `${where} is missing required ${describe(required)} (before <${this.element}>)${nilHint(required)}`;
    return `<${this.element}> is not expected in ${where}${expectedHere(expected)}`;
  }

  /** "Missing child element(s)": the message is about the incomplete element itself. */
  incomplete(expected: readonly string[]): string {
    const where = this.where(this.element, this.self);
    const elements = this.self ? this.wsdl.elementsOf(this.self) : [];
    const required = elements.filter((e) => e.minOccurs > 0 && expected.includes(e.name));
    if (!required.length) return `${where} is incomplete: expected ${listed(expected)}`;
    return `${where} is missing required ${describe(required)}${nilHint(required)}`;
  }

  /** `set` is libxml2's list of the allowed values, used when the WSDL's type is not found. */
  notInEnumeration(value: string, set: readonly string[]): string {
    const typeName = this.declared()?.type.replace(/^tns:/, '');
    const values = (typeName && this.wsdl.types.get(typeName)?.values) || set;
    const close = closestNames(value, values).map((v) => `'${v}'`);
    const hint = close.length ? ` (did you mean ${close.join(', ')}?)` : '';
    const shown = values.slice(0, 12).join(', ') + (values.length > 12 ? `, … (${values.length} in all)` : '');
    return `<${this.element}> is '${value}', which is not a ${typeName ?? 'permitted'} value${hint}; allowed: ${shown}`;
  }
}

const describe = (elements: readonly SchemaElement[]) =>
  `element${elements.length > 1 ? 's' : ''} ${elements.map((e) => `<${e.name}>`).join(', ')}`;

/** Nillable required elements may be present and empty, as retrieved files write them. */
function nilHint(elements: readonly SchemaElement[]): string {
  const nillable = elements.filter((e) => e.nillable);
  return nillable.length
    ? `; with no value it is written empty: ${nillable.map((e) => `<${e.name} xsi:nil="true"/>`).join(', ')}`
    : '';
}
