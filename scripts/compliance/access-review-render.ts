/** The access review as the council reads it: Markdown, from the review's JSON alone. */
import { code, heading, page, table, text } from '../core/markdown.ts';
import type { AccessChange, AccessReview, Holder } from './access-review.ts';

const prefixed = (h: Holder, prefix: string) =>
  Object.entries(h.entitlements)
    .filter(([k]) => k.startsWith(prefix))
    .map(([k, v]) => [k.slice(prefix.length), v] as const);

/** A nested block: page() without its final newline. */
const section = (blocks: Parameters<typeof page>[0]) => page(blocks).trimEnd();

const codes = (names: readonly string[]) => names.map((n) => code(n)).join(', ') || '—';

function holdersTable(review: AccessReview): string {
  return table(
    ['Holder', 'Kind', 'Groups and sets', 'Custom permissions', 'System permissions', 'View All / Modify All'],
    review.holders.map((h) => [
      code(h.id),
      text(h.kind),
      codes([...prefixed(h, 'profile:'), ...prefixed(h, 'group:'), ...prefixed(h, 'permset:')].map(([k]) => k)),
      codes(prefixed(h, 'custom:').map(([k]) => k)),
      codes(prefixed(h, 'system:').map(([k]) => k)),
      codes(
        prefixed(h, 'object:')
          .filter(([, v]) => /[VM]/.test(v))
          .map(([k, v]) => `${k} ${v.replace(/[CRED]/g, '')}`),
      ),
    ]),
  );
}

function fieldsTable(review: AccessReview): string {
  const who = (field: string, access: string) =>
    codes(review.holders.filter((h) => h.entitlements[`field:${field}`] === access).map((h) => h.id));
  return table(
    ['Field', 'Edit', 'Read only'],
    review.scope.fields.map((f) => [code(f), who(f, 'edit'), who(f, 'read')]),
  );
}

const changeRows = (changes: readonly AccessChange[]) =>
  changes.map((c) => [code(c.holder), code(c.entitlement), text(c.from ?? '—'), text(c.to ?? '—')]);

function diffSection(review: AccessReview): string {
  const d = review.diff;
  if (!d) return section([heading(2, 'Changes since the last review'), 'First review: no previous review file given.']);
  const block = (title: string, changes: readonly AccessChange[]) =>
    changes.length
      ? section([
          heading(3, `${title} (${changes.length})`),
          table(['Holder', 'Entitlement', 'Was', 'Now'], changeRows(changes)),
        ])
      : `${heading(3, `${title} (0)`)}\n\nNone.`;
  return section([
    heading(2, 'Changes since the last review'),
    `Against ${code(d.previous.file)} (as of ${d.previous.asOf}).`,
    block('Granted', d.granted),
    block('Revoked', d.revoked),
    block('Changed', d.changed),
  ]);
}

function violationsSection(review: AccessReview): string {
  const v = review.violations;
  return section([
    heading(2, `Separation of duties: ${v.length} violation${v.length === 1 ? '' : 's'}`),
    v.length
      ? table(
          ['Holder', 'Rule', 'Holds', 'Together with', 'Why it matters'],
          v.map((x) => [code(x.holder), text(x.title), codes(x.holds), codes(x.with), text(x.why)]),
        )
      : 'No holder combines entitlements the rules of model/compliance/council-duties.ts keep apart.',
  ]);
}

function signOffSection(review: AccessReview): string {
  const s = review.signOff;
  return section([
    heading(2, 'Council sign-off'),
    `Status: **${s.status}**. Required: ${s.required.map((r) => text(r)).join(', ')}. Review hash ${code(s.reviewHash.slice(0, 16))}.`,
    s.signatures.length
      ? table(
          ['Seat', 'Name', 'Decision', 'On', 'Note', 'Signed this review'],
          s.signatures.map((x) => [
            text(x.seat),
            text(x.name),
            text(x.decision),
            text(x.on),
            text(x.note ?? ''),
            x.reviewHash === s.reviewHash ? 'yes' : 'no (an earlier version)',
          ]),
        )
      : 'No signatures yet: `revops access signoff --file FILE --seat SEAT --by NAME`.',
  ]);
}

export function renderAccessReview(review: AccessReview): string {
  const d = review.diff;
  return page([
    heading(1, `Access review ${review.asOf}`),
    `Source: ${text(review.source.kind)} ${code(review.source.name)}. ${review.holders.length} holders, ` +
      `${review.scope.fields.length} sensitive fields. ${review.violations.length} separation-of-duties violations; ` +
      (d
        ? `${d.granted.length} granted, ${d.revoked.length} revoked, ${d.changed.length} changed since ${d.previous.asOf}.`
        : 'first review.') +
      ` Sign-off: ${review.signOff.status}.`,
    violationsSection(review),
    diffSection(review),
    heading(2, 'Who holds what'),
    holdersTable(review),
    heading(2, 'Sensitive field access'),
    'Fields whose history the model tracks, and personal data.',
    fieldsTable(review),
    signOffSection(review),
  ]);
}
