/**
 * The access review file: deterministic JSON (`<out>`, sorted holders and keys, no clock in it but
 * --as-of) and its Markdown rendering beside it (`<out minus .json>.md`), both written through a
 * temporary name. The review is diffed with the previous review file (granted / revoked /
 * changed) and carries the council's sign-off: signatures bound to the hash of the review's
 * content, so that a review changed after signing reads as unsigned.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { COUNCIL_SEATS } from '../../model/compliance/risks.ts';
import {
  ACCESS_REVIEW_FORMAT,
  dutyViolations,
  type AccessChange,
  type AccessDiff,
  type AccessReview,
  type AccessSnapshot,
  type Holder,
  type Signature,
  type SignOff,
} from './access-review.ts';
import { renderAccessReview } from './access-review-render.ts';

/** The seats whose approval makes a review signed off: RevOps, Finance and Legal. */
export const SIGN_OFF_SEATS: readonly string[] = COUNCIL_SEATS.filter((s) =>
  ['VP Revenue Operations', 'CFO', 'General Counsel'].includes(s),
);

export class AccessReviewError extends Error {
  override readonly name = 'AccessReviewError';
  readonly actions: readonly string[];
  constructor(message: string, actions: readonly string[] = []) {
    super(message);
    this.actions = actions;
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The hash the sign-off binds to: everything but the sign-off itself. */
export function reviewHash(review: Omit<AccessReview, 'signOff'>): string {
  const { format, asOf, source, scope, holders, violations, diff } = review;
  return sha256(JSON.stringify({ format, asOf, source, scope, holders, violations, diff }));
}

/** granted / revoked / changed between two reviews' holders. */
export function diffHolders(previous: readonly Holder[], current: readonly Holder[]): Omit<AccessDiff, 'previous'> {
  const before = new Map(previous.map((h) => [h.id, h.entitlements]));
  const after = new Map(current.map((h) => [h.id, h.entitlements]));
  const granted: AccessChange[] = [];
  const revoked: AccessChange[] = [];
  const changed: AccessChange[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const was = before.get(id) ?? {};
    const now = after.get(id) ?? {};
    for (const key of [...new Set([...Object.keys(was), ...Object.keys(now)])].sort()) {
      const [from, to] = [was[key], now[key]];
      if (from === to) continue;
      if (from === undefined) granted.push({ holder: id, entitlement: key, to });
      else if (to === undefined) revoked.push({ holder: id, entitlement: key, from });
      else changed.push({ holder: id, entitlement: key, from, to });
    }
  }
  return { granted, revoked, changed };
}

function signOffOf(hash: string, signatures: readonly Signature[]): SignOff {
  const valid = signatures.filter((s) => s.reviewHash === hash);
  const approved = new Set(valid.filter((s) => s.decision === 'approved').map((s) => s.seat));
  const status = valid.some((s) => s.decision === 'rejected')
    ? 'rejected'
    : SIGN_OFF_SEATS.every((s) => approved.has(s))
      ? 'signed off'
      : 'awaiting sign-off';
  return { reviewHash: hash, required: SIGN_OFF_SEATS, signatures, status };
}

/** The full review: the snapshot, its duty violations, the diff with `previous`, an unsigned sign-off. */
export function completeReview(
  snapshot: AccessSnapshot,
  previous?: { readonly file: string; readonly review: AccessReview },
): AccessReview {
  const diff: AccessDiff | null = previous
    ? {
        previous: {
          file: basename(previous.file),
          asOf: previous.review.asOf,
          reviewHash: previous.review.signOff.reviewHash,
        },
        ...diffHolders(previous.review.holders, snapshot.holders),
      }
    : null;
  const body = {
    format: ACCESS_REVIEW_FORMAT,
    ...snapshot,
    violations: dutyViolations(snapshot.holders),
    diff,
  } as const;
  return { ...body, signOff: signOffOf(reviewHash(body), []) };
}

/** Adds a council member's decision; refuses a review whose content no longer matches its hash. */
export function signReview(review: AccessReview, signature: Omit<Signature, 'reviewHash'>): AccessReview {
  const hash = reviewHash(review);
  if (hash !== review.signOff.reviewHash)
    throw new AccessReviewError(
      'the review was changed after it was written (its content no longer matches signOff.reviewHash): it cannot be signed',
      ['Run revops access review again and sign the new file.'],
    );
  const others = review.signOff.signatures.filter((s) => s.seat !== signature.seat);
  return { ...review, signOff: signOffOf(hash, [...others, { ...signature, reviewHash: hash }]) };
}

/** Reads a review file, naming the file and the problem when it is not one. */
export async function readReview(file: string): Promise<AccessReview> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new AccessReviewError(`${file}: cannot read the previous review (${e.code ?? e.message})`, [
      'Pass --previous the .json file an earlier `revops access review` wrote.',
    ]);
  });
  let json: Partial<AccessReview>;
  try {
    json = JSON.parse(text) as Partial<AccessReview>;
  } catch (e) {
    throw new AccessReviewError(`${file}: not JSON (${(e as Error).message})`, [
      'Pass the .json review file, not its Markdown rendering.',
    ]);
  }
  if (json.format !== ACCESS_REVIEW_FORMAT || !Array.isArray(json.holders) || !json.signOff)
    throw new AccessReviewError(
      `${file}: not an access review (format must be ${ACCESS_REVIEW_FORMAT}, with holders and signOff)`,
    );
  return json as AccessReview;
}

export const markdownPathOf = (json: string) => `${json.replace(/\.json$/i, '')}.md`;

export const reviewJson = (review: AccessReview) => `${JSON.stringify(review, null, 2)}\n`;

/** Writes `<out>` (JSON) and its Markdown, each through a temporary name: both or neither. */
export async function writeReview(review: AccessReview, out: string): Promise<{ json: string; markdown: string }> {
  if (!/\.json$/i.test(out))
    throw new AccessReviewError(`${out}: the review file must end in .json (its Markdown is written beside it)`);
  const files = [
    [out, reviewJson(review)],
    [markdownPathOf(out), renderAccessReview(review)],
  ] as const;
  const temps = files.map(([path]) => `${path}.${process.pid}.tmp`);
  try {
    for (const [i, [, text]] of files.entries()) await writeFile(temps[i]!, text);
    for (const [i, [path]] of files.entries()) await rename(temps[i]!, path);
  } finally {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
  }
  return { json: out, markdown: markdownPathOf(out) };
}
