import type { ApiConnection } from './api-connection.ts';
import type { DatasetRecord } from './dataset.ts';
import { externalIdOf, toApiRecords, type LoadStep } from './load-plan.ts';
import type { RowResult } from './load-run.ts';
import { withRetry, type RetryContext } from './retry.ts';

interface CollectionResult {
  id?: string;
  success: boolean;
  created?: boolean;
  errors?: { statusCode?: string; message?: string; fields?: string[] }[];
}

/**
 * Upserts up to 200 records by external id in one REST sObject-collections call
 * (`PATCH /composite/sobjects/{type}/{externalIdField}`, allOrNone false): each row succeeds or
 * fails on its own. Transient failures are retried under `retry`; anything the call itself rejects
 * is thrown for the loader to judge.
 */
export async function upsertCollection(
  conn: ApiConnection,
  step: LoadStep,
  records: readonly DatasetRecord[],
  retry: RetryContext,
  label: string,
): Promise<RowResult[]> {
  const { sobject, externalIdField } = step.object;
  const body = JSON.stringify({ allOrNone: false, records: toApiRecords(step, records) });
  const results = await withRetry(
    label,
    () =>
      conn.request<CollectionResult[]>({
        method: 'PATCH',
        url: `/services/data/v${conn.version}/composite/sobjects/${sobject}/${externalIdField}`,
        body,
        headers: { 'Content-Type': 'application/json' },
      }),
    retry,
  );
  return records.map((record, i) => {
    const externalId = externalIdOf(step, record);
    const result = Array.isArray(results) ? results[i] : undefined;
    if (!result) return { externalId, outcome: 'failed', error: 'Salesforce returned no result for this row' };
    if (!result.success) {
      const errors = (result.errors ?? []).map(
        (e) => `${e.statusCode ?? 'ERROR'}: ${e.message ?? ''}${e.fields?.length ? ` [${e.fields.join(', ')}]` : ''}`,
      );
      return { externalId, outcome: 'failed', error: errors.join('; ') || 'failed without an error message' };
    }
    return { externalId, outcome: result.created ? 'created' : 'updated', id: result.id };
  });
}
