/**
 * Runs a command class in this process (`await Cmd.run(argv, config)`), as the tests of sf
 * plugins do: much faster than spawning bin/revops.js, and the typed result comes back.
 */
import { Config, ux } from '@oclif/core';
import { Ux } from '@salesforce/sf-plugins-core';
import { standaloneLoadOptions } from '../../scripts/cli/main.ts';

export interface CommandRun<T> {
  /** The exit code the process would end with. */
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly result?: T;
  readonly error?: Error & { exitCode?: number };
}

let config: Promise<Config> | undefined;
/** The standalone CLI's configuration (bin `revops`), loaded once per test file. */
export const revopsConfig = (): Promise<Config> => (config ??= Config.load(standaloneLoadOptions()));

/** A command class: `Cmd.run(argv, config)` returns its typed result (read it with a cast). */
interface CommandClass {
  run(argv: string[], config: Config): Promise<unknown>;
}

/**
 * Runs `Cmd` with `argv` in `cwd`, capturing what it prints; never leaves process.exitCode set.
 * stdout is captured where the framework writes it (oclif's ux.stdout, tables), not by replacing
 * process.stdout.write: the test runner reports to its parent over this process's stdout.
 */
export async function runCommand<T = unknown>(Cmd: CommandClass, argv: string[], cwd?: string): Promise<CommandRun<T>> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = { stdout: ux.stdout, table: Ux.prototype.table, stderr: process.stderr.write };
  const previousCwd = process.cwd();
  const loaded = await revopsConfig();
  ux.stdout = (text?: string | string[], ...args: string[]) => {
    out.push(`${[text ?? '', ...args].flat().join(' ')}\n`);
  };
  Ux.prototype.table = function (this: Ux, options) {
    if (this.outputEnabled) out.push(`${this.makeTable(options)}\n`);
  };
  process.stderr.write = ((chunk: string | Uint8Array) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  if (cwd) process.chdir(cwd);
  try {
    const result = (await Cmd.run(argv, loaded)) as T;
    return { status: Number(process.exitCode ?? 0), stdout: out.join(''), stderr: err.join(''), result };
  } catch (error) {
    const e = error as Error & { exitCode?: number };
    return { status: e.exitCode ?? 1, stdout: out.join(''), stderr: err.join(''), error: e };
  } finally {
    ux.stdout = saved.stdout;
    Ux.prototype.table = saved.table;
    process.stderr.write = saved.stderr;
    process.exitCode = undefined;
    if (cwd) process.chdir(previousCwd);
  }
}
