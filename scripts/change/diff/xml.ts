/**
 * Metadata XML as plain objects, parsed the way sfdx-git-delta parses it (every value a string,
 * attributes under `@_`, comments kept) so that "did this element change" means the same to both.
 */
import { XMLParser } from 'fast-xml-parser';

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  commentPropName: '#comment',
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
});

/** A whole file: `{ '?xml': ..., Flow: {...} }`; an empty or missing file is `{}`. */
export function parseXml(text: string): XmlNode {
  if (!text) return {};
  try {
    return parser.parse(text) as XmlNode;
  } catch {
    // Not XML (a broken file in history): nothing to compare inside it.
    return {};
  }
}

/** The root element's content (`Flow`'s children), whatever the root is called. */
export function rootOf(file: XmlNode): XmlNode {
  const key = Object.keys(file).find((k) => k !== '?xml');
  const root = key === undefined ? undefined : file[key];
  return root && typeof root === 'object' ? (root as XmlNode) : {};
}

/** The root element's name (`Flow`). */
export const rootName = (file: XmlNode): string | undefined => Object.keys(file).find((k) => k !== '?xml');

/** An element's repeated children as a list (one child parses as an object, none as nothing). */
export function childrenOf(node: XmlNode | undefined, tag: string): XmlNode[] {
  const value = node?.[tag];
  return Array.isArray(value) ? (value as XmlNode[]) : value ? [value as XmlNode] : [];
}

/** Structural equality of parsed XML (element order inside a list matters, key order does not). */
export function sameXml(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameXml(item, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => k in b && sameXml((a as XmlNode)[k], (b as XmlNode)[k]));
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities decoded: the parser keeps them (as sfdx-git-delta's does), a reader wants `>` not `&gt;`. */
const decode = (text: string) =>
  text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(Number(e[1] === 'x' || e[1] === 'X' ? `0${e.slice(1)}` : e.slice(1)))
      : ENTITIES[e.toLowerCase()]!,
  );

/** An element's text (`<label>Foo</label>` → `Foo`), entities decoded, or undefined. */
export function textOf(node: XmlNode | undefined, tag: string): string | undefined {
  const value = node?.[tag];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') {
    const text = (value as XmlNode)['#text'];
    return text === undefined ? '' : decode(String(text));
  }
  return decode(String(value));
}
