/**
 * A minimal XML tag scanner: start, end and empty tags with their attributes, line and offsets.
 * libxml2 does the validating; this only finds things in the text around what it reports (the
 * WSDL's type declarations, a file's root element and apiVersion, the element a message is
 * about), so it is lenient and never fails: malformed XML is libxml2's to report.
 */
export interface XmlTag {
  readonly kind: 'open' | 'close' | 'empty';
  /** As written, prefix included (`xsd:element`). */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** 1-based line of the `<`. */
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

// Comments, CDATA, declarations and processing instructions are skipped; only group 1 (a tag) is used.
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[\s\S]*?\?>|(<(\/?)([^\s/>]+)([^>]*?)(\/?)>)/g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function* xmlTags(text: string): Generator<XmlTag> {
  let line = 1;
  let counted = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (!m[1]) continue;
    for (let i = text.indexOf('\n', counted); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index;
    const attributes: Record<string, string> = {};
    for (const a of (m[4] ?? '').matchAll(ATTRIBUTE)) attributes[a[1]!] = a[2] ?? a[3] ?? '';
    yield {
      kind: m[2] ? 'close' : m[5] ? 'empty' : 'open',
      name: m[3]!,
      attributes,
      line,
      start: m.index,
      end: m.index + m[0].length,
    };
  }
}

/** `xsd:element` → `element`. */
export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** The root element: its name, its default namespace, and its direct children in order. */
export interface XmlRoot {
  readonly name: string;
  readonly namespace: string | undefined;
  readonly line: number;
  readonly children: readonly { readonly name: string; readonly line: number; readonly text: string }[];
}

export function readRoot(text: string): XmlRoot | undefined {
  let root: XmlRoot | undefined;
  const children: { name: string; line: number; text: string }[] = [];
  let depth = 0;
  // The child being read, and whether it holds only text so far.
  let current: { tag: XmlTag; simple: boolean } | undefined;
  for (const tag of xmlTags(text)) {
    if (tag.kind === 'close') {
      depth--;
      if (depth === 1 && current)
        children.push(childOf(current.tag, current.simple ? text.slice(current.tag.end, tag.start) : ''));
      continue;
    }
    if (depth === 0) {
      const prefix = tag.name.includes(':') ? `:${tag.name.slice(0, tag.name.indexOf(':'))}` : '';
      root = { name: localName(tag.name), namespace: tag.attributes[`xmlns${prefix}`], line: tag.line, children };
    } else if (depth === 1) {
      if (tag.kind === 'empty') children.push(childOf(tag, ''));
      else current = { tag, simple: true };
    } else if (current) current.simple = false;
    if (tag.kind === 'open') depth++;
  }
  return root;
}

const childOf = (tag: XmlTag, text: string) => ({ name: localName(tag.name), line: tag.line, text });

/** Where an element sits: the names of its ancestors (root first) and of its earlier siblings. */
export interface ElementContext {
  readonly ancestors: readonly string[];
  readonly earlierSiblings: readonly string[];
}

/** The first element named `name` (local name) whose start tag is on `line`. */
export function elementAt(text: string, line: number, name: string): ElementContext | undefined {
  const stack: { name: string; children: string[] }[] = [];
  for (const tag of xmlTags(text)) {
    if (tag.line > line) break;
    if (tag.kind === 'close') {
      stack.pop();
      continue;
    }
    const local = localName(tag.name);
    const parent = stack.at(-1);
    if (tag.line === line && local === name)
      return { ancestors: stack.map((s) => s.name), earlierSiblings: [...(parent?.children ?? [])] };
    parent?.children.push(local);
    if (tag.kind === 'open') stack.push({ name: local, children: [] });
  }
  return undefined;
}
