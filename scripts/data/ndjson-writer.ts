/**
 * Writes one JSON record per line, respecting the stream's backpressure: lines are batched into
 * chunks, and when the file stream's buffer is full the producer waits for `drain`. Memory stays
 * at one chunk plus the stream's high-water mark, whatever the number of records.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK = 256 * 1024;

export class NdjsonWriter {
  readonly path: string;
  private readonly stream: WriteStream;
  private pending = '';
  private failure: Error | undefined;
  count = 0;

  constructor(path: string) {
    this.path = path;
    this.stream = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 });
    this.stream.on('error', (e) => (this.failure = e));
  }

  /** Queues one record; returns a promise to await only when the stream asks the producer to wait. */
  write(record: unknown): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    this.pending += JSON.stringify(record) + '\n';
    this.count++;
    if (this.pending.length < CHUNK) return undefined;
    const chunk = this.pending;
    this.pending = '';
    return this.stream.write(chunk) ? undefined : this.drain();
  }

  /** `once` rejects if the stream fails while we wait, and leaves no listener behind. */
  private async drain(): Promise<void> {
    await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.pending) this.stream.write(this.pending);
    this.pending = '';
    this.stream.end();
    await once(this.stream, 'close');
    if (this.failure) throw this.failure;
  }
}
