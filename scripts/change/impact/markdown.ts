/**
 * The impact report as Markdown, for the terminal and for the pull-request comment: a headline
 * with the totals, then each probe's subjects (most records first) with their examples —
 * bounded in size like the diff's comment.
 */
import type { ImpactReport, ImpactSubject } from './index.ts';

export const DEFAULT_IMPACT_BUDGET = 15_000;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const CHANGE = { added: 'added', removed: 'removed', changed: 'changed', unchanged: 'same definition' } as const;

function subjectLines(s: ImpactSubject): string[] {
  const what =
    s.summary ??
    `${CHANGE[s.change]}${s.note ? ` (${s.note})` : ''}: blocks ${s.before} → ${s.after} record${s.after === 1 ? '' : 's'}`;
  const lines = [`- \`${s.subject}\` — ${what}`];
  for (const e of s.effects)
    lines.push(
      `  - ${e.kind}: **${e.count}**${e.examples.length ? ` — e.g. ${e.examples.map((x) => `\`${x}\``).join(', ')}${e.count > e.examples.length ? ', …' : ''}` : ''}`,
    );
  return lines;
}

function headline(report: ImpactReport): string[] {
  const from = `\`${report.from.ref}\`${report.from.commit ? ` (\`${report.from.commit.slice(0, 10)}\`)` : ''}`;
  const to = report.to.commit ? `\`${report.to.ref}\` (\`${report.to.commit.slice(0, 10)}\`)` : 'the working tree';
  const totals = Object.entries(report.totals).map(([kind, n]) => `${plural(n, 'record')} ${kind}`);
  return [
    `### revops impact: ${totals.join(', ') || 'no record affected'}`,
    '',
    `From ${from} to ${to}, on \`${report.dataset}\` (${plural(report.records, 'record')}), as a rep saving each record (a new record, no bypass permission).`,
  ];
}

/** Markdown, at most `budget` characters: past it, subjects are counted rather than listed. */
export function impactMarkdown(report: ImpactReport, budget = DEFAULT_IMPACT_BUDGET): string {
  const out = headline(report);
  let size = out.join('\n').length;
  let omitted = 0;
  // A probe with nothing to look at (no field changed) says nothing.
  for (const section of report.sections.filter((s) => s.evaluated > 0 || !s.heading)) {
    const acting = section.subjects.filter((s) => s.effects.length);
    const quiet = section.subjects.filter((s) => !s.effects.length);
    out.push(
      '',
      `#### ${section.title}: ${section.heading ?? `${acting.length} of ${plural(section.evaluated, 'rule')} block different records`}`,
    );
    if (!acting.length && !section.heading) out.push('', 'No rule blocks a different record.');
    const ranked = [...acting].sort(
      (a, b) =>
        b.effects.reduce((n, e) => n + e.count, 0) - a.effects.reduce((n, e) => n + e.count, 0) ||
        a.subject.localeCompare(b.subject),
    );
    const lines: string[] = [];
    for (const s of ranked) {
      const block = subjectLines(s);
      const cost = block.join('\n').length + 1;
      if (size + cost > budget - 300) {
        omitted++;
        continue;
      }
      size += cost;
      lines.push(...block);
    }
    if (lines.length) out.push('', ...lines);
    if (quiet.length) {
      const names = quiet.map((s) => `\`${s.subject.replace(/^\S+ /, '')}\` (${CHANGE[s.change]})`).join(', ');
      const line = `Changed, blocking the same records as before: ${names}.`;
      if (size + line.length < budget - 300) {
        out.push('', line);
        size += line.length;
      } else out.push('', `Changed, blocking the same records as before: ${plural(quiet.length, 'rule')}.`);
    }
  }
  if (omitted) out.push('', `_…and ${plural(omitted, 'more rule')}: run \`revops impact --json\` for all of them._`);
  if (report.warnings.length) out.push('', ...report.warnings.slice(0, 10).map((w) => `> ⚠️ ${w}`));
  if (report.warnings.length > 10) out.push(`> ⚠️ …and ${report.warnings.length - 10} more warnings (--json)`);
  return `${out.join('\n')}\n`;
}
