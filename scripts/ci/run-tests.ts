/**
 * `npm test`: every check CI runs, in order, with one closing line `N passed, M failed`.
 * Counts: each Node test-runner test and each LWC Jest test is one; each static check
 * (type check, lint, Prettier, drift check) counts as one test.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface StepResult {
  readonly name: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** Why tests skipped (each reason once), shown in the summary: "skipped: <why>". */
  readonly skipReasons?: readonly string[];
}

function exec(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let output = '';
    const tee = (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    };
    child.stdout.on('data', tee);
    child.stderr.on('data', tee);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const bin = (name: string) => join('node_modules', '.bin', name);

async function staticCheck(name: string, command: string, args: string[]): Promise<StepResult> {
  console.log(`\n== ${name}: ${[command, ...args].join(' ')}`);
  const { code } = await exec(command, args);
  return { name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
}

async function nodeTests(): Promise<StepResult> {
  console.log('\n== unit tests: node --test');
  const { code, output } = await exec(process.execPath, [
    '--test',
    '--test-reporter=spec',
    'tests/**/*.test.ts',
    'scripts/**/*.test.ts',
  ]);
  const count = (label: string) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(output)?.[1] ?? 0);
  const failed = count('fail') + count('cancelled');
  return {
    name: 'unit tests',
    passed: count('pass'),
    failed: failed || (code !== 0 && count('pass') === 0 ? 1 : failed),
    skipped: count('skipped') + count('todo'),
    // The spec reporter ends a skipped test's line with "# <the reason it gave>".
    skipReasons: [...new Set([...output.matchAll(/^\s*﹣ .* \([\d.]+m?s\) # (.+)$/gm)].map((m) => m[1]!))],
  };
}

async function lwcTests(): Promise<StepResult> {
  console.log('\n== LWC tests: sfdx-lwc-jest');
  const dir = await mkdtemp(join(tmpdir(), 'revops-jest-'));
  const file = join(dir, 'results.json');
  const { code } = await exec(bin('sfdx-lwc-jest'), ['--', '--json', `--outputFile=${file}`]);
  const json = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as {
    numPassedTests?: number;
    numFailedTests?: number;
    numPendingTests?: number;
  };
  await rm(dir, { recursive: true, force: true });
  const failed = json.numFailedTests ?? 0;
  return {
    name: 'LWC tests',
    passed: json.numPassedTests ?? 0,
    failed: failed || (code !== 0 ? 1 : 0),
    skipped: json.numPendingTests ?? 0,
  };
}

const results: StepResult[] = [];
results.push(await staticCheck('type check', bin('tsc'), ['-p', '.']));
results.push(await staticCheck('lint', bin('eslint'), ['.']));
results.push(await staticCheck('prettier', bin('prettier'), ['--check', '.']));
results.push(await staticCheck('drift check', process.execPath, ['bin/revops.js', 'generate', '--check']));
results.push(await nodeTests());
results.push(await lwcTests());

console.log('\n== summary');
for (const r of results)
  console.log(
    `  ${r.name.padEnd(12)} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`,
  );
for (const reason of results.flatMap((r) => r.skipReasons ?? [])) console.log(`  skipped: ${reason}`);
const total = (key: 'passed' | 'failed' | 'skipped') => results.reduce((sum, r) => sum + r[key], 0);
const skipped = total('skipped');
console.log(`${total('passed')} passed, ${total('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = total('failed') === 0 ? 0 : 1;
