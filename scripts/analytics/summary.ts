/** summary.md: the headline figures in Markdown (a PR comment, a chat message), from metrics.json. */
import { attributionMarkdown } from '../attribution/report-section.ts';
import { days, decimal, money, multiple, percent } from './format.ts';
import type { Metrics } from './metrics-types.ts';

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

export function renderSummary(m: Metrics): string {
  const b = m.funnel.bottleneck;
  const wape = m.forecastAccuracy.rollup.find((r) => r.horizonDays === 30) ?? m.forecastAccuracy.rollup[0];
  const lines = [
    `# RevOps report: ${m.source.name}, as of ${m.asOf}`,
    '',
    row(['Metric', 'Value', 'Note']),
    row(['---', '---', '---']),
    row([
      'Win rate',
      percent(m.winRate.overall),
      `${m.winRate.won} of ${m.winRate.closed} closed; by value ${percent(m.winRate.overallByValue)}`,
    ]),
    row([
      'Bottleneck',
      b ? `${b.label} ${percent(b.value)}` : '—',
      b ? `${b.band}${b.inBottomQuartile ? ' (002: fix first)' : ''}` : '',
    ]),
    row(['MQL → Won', percent(m.funnel.conversion.mqlToWon), 'chained step rates']),
    row([
      'Coverage',
      multiple(m.coverage.overall.coverage),
      `weighted ${multiple(m.coverage.overall.weightedCoverage)}; target is a run rate`,
    ]),
    row(['Weighted pipeline', money(m.pipeline.weighted), `of ${money(m.pipeline.total)} open`]),
    row([
      'Velocity',
      `${money(m.velocity.perDay)}/day`,
      `cycle ${days(m.velocity.overall.cycleDays)} (${m.velocity.cycleBasis})`,
    ]),
    row([
      'Slip rate',
      percent(m.velocity.slip.overall.slipRate),
      `${m.velocity.slip.overall.pastDue} open deals past due`,
    ]),
    row([
      'NRR',
      percent(m.nrr.trailing12m ?? m.nrr.contracted12m),
      m.nrr.trailing12m === null ? 'contracted next 12 months' : 'trailing 12 months',
    ]),
    row([
      'GRR',
      percent(m.grr.trailing12m ?? m.grr.contracted12m),
      m.grr.trailing12m === null ? 'contracted next 12 months' : 'trailing 12 months',
    ]),
    row([
      'Forecast WAPE',
      wape ? percent(wape.wape) : '—',
      wape ? `${wape.horizonDays} days ahead, bias ${percent(wape.bias)}` : 'no forecast history',
    ]),
    row([
      'AEs needed',
      decimal(m.capacity.overall.requiredAes),
      `002 formula; 004: ${decimal(m.capacity.overall.requiredReps)}`,
    ]),
    '',
    '## Win rate by segment',
    '',
    row(['Segment', 'Win rate', 'By value', 'Closed']),
    row(['---', '---', '---', '---']),
    ...m.winRate.segments.map((s) => row([s.member, percent(s.winRate), percent(s.winRateByValue), String(s.closed)])),
  ];
  lines.push(...attributionMarkdown(m.attribution));
  if (m.missing.length) {
    lines.push('', '## What this data cannot show', '');
    for (const x of m.missing) lines.push(`- **${x.metric}**: needs ${x.needs}`);
  }
  lines.push('', 'Definitions and blueprint sources: docs/metrics.md.', '');
  return lines.join('\n');
}
