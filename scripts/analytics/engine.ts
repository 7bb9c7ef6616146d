/**
 * The embedded analytical engine: an in-memory DuckDB database (@duckdb/node-api) that stages a
 * dataset and runs the metric SQL files. Rows come back as plain objects with JavaScript numbers
 * (DuckDB's BIGINT and DECIMAL results converted), so the metrics code never sees engine types.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

/** Runs one SQL text and returns its rows (engine-neutral, so the metrics run on any engine). */
export type QueryRunner = (sql: string) => Promise<Row[]>;

export class AnalyticsEngine {
  private readonly instance: DuckDBInstance;
  private readonly connection: DuckDBConnection;

  private constructor(instance: DuckDBInstance, connection: DuckDBConnection) {
    this.instance = instance;
    this.connection = connection;
  }

  static async open(): Promise<AnalyticsEngine> {
    const instance = await DuckDBInstance.create(':memory:');
    return new AnalyticsEngine(instance, await instance.connect());
  }

  /** Runs statements that return nothing worth reading (CREATE, INSERT, several at once). */
  async exec(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  readonly query: QueryRunner = async (sql) => {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjects().map((row) => {
      const plain: Row = {};
      for (const [key, value] of Object.entries(row)) plain[key] = plainValue(value);
      return plain;
    });
  };

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value && typeof value === 'object' && 'toDouble' in value && typeof value.toDouble === 'function')
    return (value as { toDouble(): number }).toDouble();
  return value;
}
