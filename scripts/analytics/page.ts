/**
 * index.html: one static page — inline CSS, the charts as inline SVG, no script, no network — that
 * opens from disk. Every figure on it is read from the Metrics object that metrics.json holds, so
 * rendering the page again from metrics.json gives the same page (a test holds that).
 */
import { attributionTables, recommendationLine } from '../attribution/report-section.ts';
import { CONVERSION_BANDS, COVERAGE_BANDS, HYGIENE, mapeGrade, RETENTION_BANDS } from './benchmarks.ts';
import type { RenderedChart } from './charts.ts';
import { days, decimal, integer, money, multiple, percent } from './format.ts';
import type { Metrics, RetentionBridge } from './metrics-types.ts';

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const CSS = `
*{box-sizing:border-box}body{margin:0;font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;color:#111827;background:#f3f4f6}
header{background:#0f172a;color:#f8fafc;padding:20px 32px}header h1{margin:0 0 4px;font-size:24px}header p{margin:0;color:#cbd5e1;font-size:13px}
main{max-width:1200px;margin:0 auto;padding:20px 16px 48px}
.tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin-bottom:16px}
.tile{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.tile .label{font-size:12px;color:#6b7280;text-transform:uppercase;letter-spacing:.04em}.tile .value{font-size:26px;font-weight:bold;margin:4px 0}
.tile .note{font-size:12px;color:#4b5563}.tile.bad .value{color:#dc2626}.tile.good .value{color:#16a34a}
section{margin-top:24px}section h2{font-size:18px;margin:0 0 10px;border-bottom:2px solid #e5e7eb;padding-bottom:4px}
.charts{display:grid;grid-template-columns:repeat(2,1fr);gap:12px}
figure{margin:0;background:#fff;border-radius:8px;padding:8px;box-shadow:0 1px 2px rgba(0,0,0,.08)}figure.wide{grid-column:1/-1}
figure svg{display:block;margin:0 auto;max-width:100%;height:auto}figcaption{font-size:12px;color:#4b5563;padding:4px 8px}
table{border-collapse:collapse;background:#fff;font-size:13px;margin-top:10px;width:100%}th,td{padding:5px 8px;border-bottom:1px solid #e5e7eb;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f9fafb;font-weight:600}
.missing{background:#fffbeb;border:1px solid #f59e0b;border-radius:8px;padding:10px 16px;font-size:13px}.missing h2{border:0;margin:0 0 4px;font-size:15px}
.missing ul{margin:4px 0;padding-left:20px}p.note{font-size:12px;color:#4b5563}
`;

interface Tile {
  readonly label: string;
  readonly value: string;
  readonly note: string;
  readonly tone?: 'good' | 'bad';
}

function retentionTile(kind: 'nrr' | 'grr', m: Metrics): Tile {
  const trailing = m[kind].trailing12m;
  const value = trailing ?? m[kind].contracted12m;
  const good = RETENTION_BANDS[kind].good;
  return {
    label: kind === 'nrr' ? 'Net revenue retention' : 'Gross revenue retention',
    value: percent(value),
    note: `${trailing === null ? 'contracted next 12 months' : 'trailing 12 months'}; good ≥ ${percent(good, 0)}`,
    tone: value === null ? undefined : value >= good ? 'good' : 'bad',
  };
}

function tiles(m: Metrics): Tile[] {
  const b = m.funnel.bottleneck;
  const wape = m.forecastAccuracy.rollup.find((r) => r.horizonDays === 30) ?? m.forecastAccuracy.rollup[0];
  const cov = m.coverage.overall;
  return [
    {
      label: 'Win rate',
      value: percent(m.winRate.overall),
      note: `${m.winRate.won} of ${m.winRate.closed} closed; by value ${percent(m.winRate.overallByValue)}`,
      tone: m.winRate.overall === null ? undefined : m.winRate.overall >= 0.25 ? 'good' : 'bad',
    },
    {
      label: 'Funnel bottleneck',
      value: b ? b.label : '—',
      note: b
        ? `${percent(b.value)}: ${b.band.replace('-', ' ')} (002 median ${percent(CONVERSION_BANDS[b.step].median[0], 0)}+)`
        : 'no funnel data',
      tone: b?.inBottomQuartile ? 'bad' : undefined,
    },
    {
      label: 'Pipeline coverage',
      value: multiple(cov.coverage),
      note: `weighted ${multiple(cov.weightedCoverage)}; minimum ${COVERAGE_BANDS.total.minimum}x / ${COVERAGE_BANDS.weighted.minimum}x`,
      tone: cov.coverage === null ? undefined : cov.coverage >= COVERAGE_BANDS.total.minimum ? 'good' : 'bad',
    },
    {
      label: 'Sales velocity',
      value: `${money(m.velocity.perDay)}/day`,
      note: `${m.velocity.overall.openDeals} open × ${percent(m.velocity.overall.winRate)} × ${money(m.velocity.overall.averageDealSize)} ÷ ${days(m.velocity.overall.cycleDays)}`,
    },
    retentionTile('nrr', m),
    retentionTile('grr', m),
    {
      label: 'Forecast accuracy (WAPE)',
      value: wape ? percent(wape.wape) : 'no history',
      note: wape
        ? `${wape.horizonDays} days ahead: ${mapeGrade(wape.wape ?? 1)}; bias ${percent(wape.bias)}`
        : 'needs OpportunityHistory',
    },
    {
      label: 'AEs needed (002)',
      value: decimal(m.capacity.overall.requiredAes),
      note: `run-rate target ${money(m.capacity.overall.target)}; 004 formula ${decimal(m.capacity.overall.requiredReps)}`,
    },
  ];
}

const tileHtml = (t: Tile) =>
  `<div class="tile${t.tone ? ` ${t.tone}` : ''}"><div class="label">${escapeHtml(t.label)}</div>` +
  `<div class="value">${escapeHtml(t.value)}</div><div class="note">${escapeHtml(t.note)}</div></div>`;

export function tableHtml(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = (tag: string, r: readonly string[]) => r.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('');
  return `<table><thead><tr>${cells('th', head)}</tr></thead><tbody>${rows.map((r) => `<tr>${cells('td', r)}</tr>`).join('')}</tbody></table>`;
}

function funnelTable(m: Metrics): string {
  return tableHtml(
    ['Step', 'Conversion', '002 band', 'Bottom 25 % below', 'Median', 'Top 25 %', 'World class'],
    m.funnel.benchmarks.map((s) => [
      s.label,
      percent(s.value),
      s.band ?? '—',
      percent(s.bottomBelow, 0),
      `${percent(s.median[0], 0)}–${percent(s.median[1], 0)}`,
      `${percent(s.top[0], 0)}–${percent(s.top[1], 0)}`,
      `${percent(s.worldClass, 0)}+`,
    ]),
  );
}

function segmentFunnelTable(m: Metrics): string {
  return tableHtml(
    ['Segment', 'MQL', 'MQL → SAL', 'SAL → SQL', 'SQL → SAO', 'SAO → Won', 'MQL → Won', 'Bottleneck'],
    Object.entries(m.funnel.bySegment).map(([segment, g]) => [
      segment,
      integer(g.mql),
      percent(g.conversion.mqlToSal),
      percent(g.conversion.salToSql),
      percent(g.conversion.sqlToSao),
      percent(g.conversion.saoToWon),
      percent(g.conversion.mqlToWon),
      g.bottleneck ? `${g.bottleneck.label} (${g.bottleneck.band})` : '—',
    ]),
  );
}

function coverageTable(m: Metrics): string {
  const rows = [...Object.values(m.coverage.bySegment), m.coverage.overall];
  return tableHtml(
    [
      'Segment',
      'Open deals',
      'Pipeline',
      'Weighted',
      'Target',
      'Coverage',
      'Weighted',
      'In negotiation',
      'Needed',
      'Created',
    ],
    rows.map((r) => [
      r.segment,
      integer(r.openDeals),
      money(r.pipeline),
      money(r.weightedPipeline),
      money(r.target),
      multiple(r.coverage),
      multiple(r.weightedCoverage),
      percent(r.negotiationShare),
      money(r.requiredPipeline),
      r.createdPipeline === null ? 'unknown' : money(r.createdPipeline),
    ]),
  );
}

function bridgeRow(b: RetentionBridge): string[] {
  return [
    b.basis === 'trailing12m' ? 'Trailing 12 months' : 'Contracted next 12 months',
    `${b.start} → ${b.end}`,
    integer(b.customers),
    money(b.beginningArr),
    money(b.expansion),
    money(b.contraction),
    money(b.churn),
    money(b.endingArr),
    percent(b.nrr),
    percent(b.grr),
  ];
}

function retentionTable(m: Metrics): string {
  return (
    tableHtml(
      [
        'Basis',
        'Period',
        'Customers',
        'Beginning ARR',
        'Expansion',
        'Contraction',
        'Churn',
        'Ending ARR',
        'NRR',
        'GRR',
      ],
      [bridgeRow(m.retention.trailing12m), bridgeRow(m.retention.contracted12m)],
    ) +
    `<p class="note">Expansion bookings (Closed Won upgrades, trailing year): ${escapeHtml(money(m.retention.expansionBookings))}. ` +
    `Churn reasons: ${escapeHtml(m.reasons.churn.map((r) => `${r.reason} (${r.count})`).join(', ') || 'none')}. ` +
    `Benchmarks: ${escapeHtml(RETENTION_BANDS.nrr.source)}; ${escapeHtml(RETENTION_BANDS.grr.source)}.</p>`
  );
}

function velocityTable(m: Metrics): string {
  const rows = [...Object.values(m.velocity.bySegment), m.velocity.overall];
  return (
    tableHtml(
      [
        'Segment',
        'Open deals',
        'Win rate',
        'Avg deal',
        'Cycle (median)',
        'Cycle deals',
        'Cohort still open',
        'Velocity/day',
      ],
      rows.map((r) => [
        r.member,
        integer(r.openDeals),
        percent(r.winRate),
        money(r.averageDealSize),
        days(r.cycleDays),
        integer(r.cycleDeals),
        `${r.cohortOpen} of ${r.cohortDeals}`,
        money(r.perDay),
      ]),
    ) +
    `<p class="note">Cycle length starts at: ${escapeHtml(m.velocity.cycleBasis)}. ` +
    `Time in stage: ${escapeHtml(m.velocity.timeInStage.map((t) => `${t.stage} ${days(t.medianDays)}`).join(', ') || 'needs OpportunityHistory')}.</p>`
  );
}

function capacityTable(m: Metrics): string {
  return (
    tableHtml(
      [
        'Segment',
        'Target (run rate)',
        'Open deals',
        'Required AEs (002)',
        'Required reps (004)',
        'AEs for open pipeline',
      ],
      [...Object.values(m.capacity.bySegment), m.capacity.overall].map((r) => [
        r.segment,
        money(r.target),
        integer(r.openDeals),
        decimal(r.requiredAes),
        decimal(r.requiredReps),
        decimal(r.aesForOpenPipeline),
      ]),
    ) +
    tableHtml(
      ['Assumption', 'Value', 'Source'],
      Object.entries(m.capacity.assumptions).map(([k, a]) => [k, String(a.value), a.source]),
    )
  );
}

function scorecardTable(m: Metrics): string {
  if (!m.scorecard.length) return '<p class="note">Rep scorecard: the data has no opportunity owners.</p>';
  return tableHtml(
    ['Owner', 'Pipeline created', 'Open deals', 'Open amount', 'Won', 'Win rate', 'Avg deal', 'Avg cycle'],
    m.scorecard.map((r) => [
      r.owner,
      money(r.pipelineCreated),
      integer(r.openDeals),
      money(r.openAmount),
      money(r.wonAmount),
      percent(r.winRate),
      money(r.averageDealSize),
      days(r.averageCycleDays),
    ]),
  );
}

function qualityTable(m: Metrics): string {
  const threshold = (c: Metrics['dataQuality']['checks'][number]) =>
    c.max !== undefined ? `≤ ${percent(c.max, 0)}` : c.min !== undefined ? `≥ ${percent(c.min, 0)}` : '—';
  return (
    tableHtml(
      ['Check', 'Count', 'Of', 'Share', 'Threshold', 'Met'],
      m.dataQuality.checks.map((c) => [
        c.label,
        integer(c.numerator),
        integer(c.denominator),
        percent(c.value),
        threshold(c),
        c.ok === null ? '—' : c.ok ? 'yes' : 'no',
      ]),
    ) +
    `<p class="note">Median speed to lead: ${escapeHtml(decimal(m.dataQuality.speedToLeadMedianMinutes))} minutes (SLA ${HYGIENE.speedToLeadMinutes.max}).</p>`
  );
}

const SECTIONS: readonly { id: string; title: string; extra?: (m: Metrics) => string }[] = [
  { id: 'funnel', title: 'Funnel against the benchmarks', extra: (m) => funnelTable(m) + segmentFunnelTable(m) },
  { id: 'pipeline', title: 'Pipeline and coverage', extra: coverageTable },
  { id: 'velocity', title: 'Velocity', extra: velocityTable },
  { id: 'win-rate', title: 'Win rate and losses' },
  { id: 'retention', title: 'Retention', extra: retentionTable },
  { id: 'forecast', title: 'Forecast accuracy' },
  { id: 'capacity', title: 'Capacity and reps', extra: (m) => capacityTable(m) + scorecardTable(m) },
  { id: 'quality', title: 'Data quality', extra: qualityTable },
  { id: 'attribution', title: 'Marketing attribution', extra: attributionSection },
];

function attributionSection(m: Metrics): string {
  if (!m.attribution) return '<p>No touches (Touch__c) in this data: nothing to attribute.</p>';
  const tables = attributionTables(m.attribution).map(
    (t) => `<h3>${escapeHtml(t.title)}</h3>${tableHtml(t.head, t.rows)}`,
  );
  return `<p>${escapeHtml(recommendationLine(m.attribution))}</p>${tables.join('')}`;
}

const figure = (c: RenderedChart) =>
  `<figure id="chart-${c.id}" class="${c.width > 600 ? 'wide' : 'half'}" data-chart="${c.id}">` +
  `${c.svg}<figcaption>${escapeHtml(c.caption)}</figcaption></figure>`;

function missingHtml(m: Metrics): string {
  if (!m.missing.length) return '';
  const items = m.missing.map((x) => `<li><b>${escapeHtml(x.metric)}</b>: needs ${escapeHtml(x.needs)}</li>`);
  return `<div class="missing"><h2>What this data cannot show</h2><ul>${items.join('')}</ul></div>`;
}

export function renderPage(m: Metrics, charts: readonly RenderedChart[]): string {
  const records = Object.entries(m.source.records)
    .map(([k, v]) => `${k} ${integer(v)}`)
    .join(', ');
  const body = SECTIONS.map((s) => {
    const figures = charts
      .filter((c) => c.section === s.id)
      .map(figure)
      .join('\n');
    return `<section id="${s.id}"><h2>${escapeHtml(s.title)}</h2><div class="charts">${figures}</div>${s.extra?.(m) ?? ''}</section>`;
  }).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>RevOps report — ${escapeHtml(m.source.name)} as of ${m.asOf}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${CSS}</style></head>
<body><header><h1>RevOps report</h1><p>${escapeHtml(m.source.kind)} ${escapeHtml(m.source.name)} · as of ${m.asOf} · ${escapeHtml(records)} · definitions: docs/metrics.md</p></header>
<main><div class="tiles">${tiles(m).map(tileHtml).join('')}</div>
${missingHtml(m)}
${body}
</main></body></html>
`;
}
