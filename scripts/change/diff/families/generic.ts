/**
 * Any other component: which of its top-level elements changed (old → new for plain values),
 * or, for source that is not XML (Apex, LWC), how many lines changed.
 */
import type { Describe, Detail } from '../types.ts';
import { sameXml, type XmlNode } from '../xml.ts';

const MAX = 12;

const show = (v: unknown): string => {
  if (v === undefined) return '-';
  const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

export const describeElements = (before: XmlNode, after: XmlNode): Detail[] => {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !k.startsWith('@_') && !sameXml(before[k], after[k]),
  );
  const details = keys.slice(0, MAX).map((k) => ({
    kind: 'setting',
    text:
      typeof before[k] === 'object' || typeof after[k] === 'object'
        ? `${k} changed`
        : `${k}: ${show(before[k])} → ${show(after[k])}`,
  }));
  if (keys.length > MAX) details.push({ kind: 'setting', text: `and ${keys.length - MAX} more elements` });
  return details;
};

/** Beyond this, or for binary content (static resources), lines are not compared: it is not source a reviewer reads. */
const MAX_COMPARED = 1 << 20;
const isBinary = (text: string) => text.slice(0, 8000).includes('\u0000');

function lineCount(before = '', after = ''): Detail[] {
  if (before === after) return [];
  if (before.length > MAX_COMPARED || after.length > MAX_COMPARED || isBinary(before) || isBinary(after))
    return [{ kind: 'source', text: 'content changed (binary, or over 1 MB: lines not compared)' }];
  const [a, b] = [before.split('\n'), after.split('\n')];
  // One set per side: a set per line made this quadratic (seconds on a 10,000-line Apex class).
  const [inA, inB] = [new Set(a), new Set(b)];
  const removed = a.filter((l) => !inB.has(l)).length;
  const added = b.filter((l) => !inA.has(l)).length;
  return added || removed ? [{ kind: 'source', text: `source: +${added} −${removed} lines` }] : [];
}

export const describeGeneric: Describe = (c) => {
  if (c.change !== 'modified') return [];
  if (Object.keys(c.before).length || Object.keys(c.after).length) return describeElements(c.before, c.after);
  return lineCount(c.beforeText, c.afterText);
};
