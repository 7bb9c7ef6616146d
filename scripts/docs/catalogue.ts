/**
 * The model catalogue: Markdown pages under docs/model/ that the change-control board reads.
 * A pure function of the model (no I/O, no clock), so the pages are byte-stable and the drift
 * check covers them like the generated metadata.
 */
import type { RevOpsModel } from '../dsl/index.ts';
import { DOCS_ROOT, catalogue } from './context.ts';
import { renderAnalyticsPage } from './pages/analytics.ts';
import { renderDataQualityPage } from './pages/data-quality.ts';
import { renderFlowsPage } from './pages/flows.ts';
import { renderIndexPage } from './pages/index.ts';
import { renderLeadConvertPage } from './pages/lead-convert.ts';
import { renderLeadStatusesPage } from './pages/lead-statuses.ts';
import { renderObjectPage } from './pages/object.ts';
import { renderPermissionsPage } from './pages/permissions.ts';
import { renderStagesPage } from './pages/stages.ts';
import { renderValidationRulesPage } from './pages/validation-rules.ts';
import { renderValueSetsPage } from './pages/value-sets.ts';

export { DOCS_ROOT } from './context.ts';

/** One catalogue file: path relative to the project root (POSIX), Markdown content. */
export interface CatalogueFile {
  readonly path: string;
  readonly content: string;
}

/** Every page of the catalogue, sorted by path. */
export function renderCatalogue(model: RevOpsModel): CatalogueFile[] {
  const cat = catalogue(model);
  const pages = [
    renderIndexPage(cat),
    renderValidationRulesPage(cat),
    renderStagesPage(cat),
    renderLeadStatusesPage(cat),
    renderValueSetsPage(cat),
    renderPermissionsPage(cat),
    renderFlowsPage(cat),
    renderAnalyticsPage(cat),
    renderDataQualityPage(cat),
    renderLeadConvertPage(cat),
    ...cat.objects.map((o) => renderObjectPage(cat, o)),
  ];
  return pages
    .map((p) => ({ path: `${DOCS_ROOT}/${p.path}`, content: p.content }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
