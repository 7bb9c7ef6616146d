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

function lineCount(before = '', after = ''): Detail[] {
  const a = before.split('\n');
  const b = new Set(after.split('\n'));
  const removed = a.filter((l) => !b.has(l)).length;
  const added = after.split('\n').filter((l) => !new Set(a).has(l)).length;
  return added || removed ? [{ kind: 'source', text: `source: +${added} −${removed} lines` }] : [];
}

export const describeGeneric: Describe = (c) => {
  if (c.change !== 'modified') return [];
  if (Object.keys(c.before).length || Object.keys(c.after).length) return describeElements(c.before, c.after);
  return lineCount(c.beforeText, c.afterText);
};
