import type { DeployStatus } from './deploy.ts';

/**
 * Live deploy progress on stderr. On a terminal: one line redrawn in place with a spinner, the
 * deploy status and component (and test) counts. Elsewhere (CI logs, pipes): a new line only when
 * the status or the counts change, so logs stay readable.
 */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export class DeployProgress {
  private readonly stream: ProgressStream;
  private readonly label: string;
  private readonly started = Date.now();
  private readonly timer?: NodeJS.Timeout;
  private text: string;
  private frame = 0;
  private lastPrinted = '';

  constructor(stream: ProgressStream, label: string) {
    this.stream = stream;
    this.label = label;
    this.text = 'waiting for the org';
    if (stream.isTTY) {
      this.timer = setInterval(() => this.draw(), 100);
      this.timer.unref();
    }
    this.draw();
  }

  update(status: DeployStatus): void {
    this.text = describeStatus(status);
    this.draw();
  }

  /** Clears the live line (a terminal) and stops the spinner. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.stream.isTTY) this.stream.write('\r\x1b[2K');
  }

  private draw(): void {
    if (this.stream.isTTY) {
      const seconds = ((Date.now() - this.started) / 1000).toFixed(0);
      this.frame = (this.frame + 1) % FRAMES.length;
      this.stream.write(`\r\x1b[2K${FRAMES[this.frame]} ${this.label}: ${this.text} (${seconds} s)`);
    } else if (this.text !== this.lastPrinted) {
      this.lastPrinted = this.text;
      this.stream.write(`${this.label}: ${this.text}\n`);
    }
  }
}

export function describeStatus(status: DeployStatus): string {
  const parts = [status.stateDetail ? `${status.status} (${status.stateDetail})` : status.status];
  if (status.componentsTotal)
    parts.push(
      `components ${status.componentsDeployed}/${status.componentsTotal}` +
        (status.componentErrors ? `, ${status.componentErrors} failed` : ''),
    );
  if (status.testsTotal)
    parts.push(
      `tests ${status.testsCompleted}/${status.testsTotal}` +
        (status.testErrors ? `, ${status.testErrors} failed` : ''),
    );
  return parts.join(' · ');
}
