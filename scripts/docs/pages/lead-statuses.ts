/** Lead statuses: the lead funnel, in order. */
import { PAGE, lockBadge, type Catalogue } from '../context.ts';
import { code, heading, href, link, page, table, text } from '../markdown.ts';

const FROM = PAGE.leadStatuses;

export function renderLeadStatusesPage(cat: Catalogue): { path: string; content: string } {
  const statuses = cat.model.leadStatuses;
  return {
    path: FROM,
    content: page([
      heading(1, 'Lead statuses'),
      `${link('Model catalogue', href(FROM, PAGE.index))} › Lead statuses`,
      statuses?.locked ? lockBadge('list of statuses') : undefined,
      statuses
        ? table(
            ['#', 'Status', 'Label', 'Default', 'Converted', 'Description'],
            statuses.statuses.map((s, i) => [
              i + 1,
              code(s.name),
              text(s.label),
              s.default,
              s.converted,
              text(s.description),
            ]),
          )
        : 'The model defines no lead statuses.',
    ]),
  };
}
