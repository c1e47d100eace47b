/**
 * The sync bench's placement (tests/bench/placement.ts) puts the load generator and the servers
 * on CPUs of their own, so a latency figure is the server's: a process the bench starts while it
 * is pinned runs only on the server's CPUs, one started through the generator's launcher only on
 * the others, and unpinning gives the next process every CPU again. Real processes, their
 * allowed CPUs read from /proc. Skipped, with the reason, without `taskset` or a second CPU.
 * The default placement (`nice`) starts the generator at the lowest priority, on every CPU.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cpuList as cpus, launcher, placementSkipReason } from '../bench/placement';

const skip = placementSkipReason('split');
if (skip) console.log(`sync-placement: split skipped: ${skip}`);
const skipNice = placementSkipReason('nice');
if (skipNice) console.log(`sync-placement: nice skipped: ${skipNice}`);

/** Runs a script under Node with the tsx loader; the allowed CPUs of the processes it starts are printed one list a line. */
function run(script: string, prefix: string[] = []): string[] {
  const [command = process.execPath, ...args] = [...prefix, ...(prefix.length ? [process.execPath] : [])];
  return execFileSync(command, [...args, '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' }).trim().split('\n');
}

const ALLOWED = `(await import('node:fs')).readFileSync('/proc/self/status', 'utf8').match(/Cpus_allowed_list:\\s*(\\S+)/)[1]`;

describe.skipIf(skip !== null)('the sync bench on CPUs of its own', () => {
  it('starts the servers on one half of the CPUs and the generator on the other, and unpins after', () => {
    const all = cpus(run(`console.log(${ALLOWED})`)[0]!);
    const child = `(await import('node:child_process')).execFileSync('grep', ['Cpus_allowed_list', '/proc/self/status'], { encoding: 'utf8' }).split(':')[1].trim()`;
    const [server, after] = run(`
      const { placeSelf } = await import('${process.cwd()}/tests/bench/placement.ts');
      placeSelf('split');
      console.log(${child});
      placeSelf('shared');
      console.log(${child});
    `);
    const generator = cpus(run(`console.log(${ALLOWED})`, launcher('split'))[0]!);
    expect(cpus(server!).length).toBeGreaterThan(0);
    expect(generator.length).toBeGreaterThan(0);
    expect(cpus(server!).filter((cpu) => generator.includes(cpu))).toEqual([]);
    expect([...cpus(server!), ...generator].sort((a, b) => a - b)).toEqual(all);
    expect(cpus(after!)).toEqual(all);
  });
});

/** A process's niceness, field 19 of /proc/self/stat (after the command name in parentheses). */
const NICENESS = `Number((await import('node:fs')).readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[16])`;

describe.skipIf(skipNice !== null)('the sync bench with the generator at the lowest priority', () => {
  it('starts the generator at nice 19 on every CPU, the servers as they are', () => {
    const [mine, all] = run(`console.log(${NICENESS}); console.log(${ALLOWED})`);
    const [generator, generatorCpus] = run(`console.log(${NICENESS}); console.log(${ALLOWED})`, launcher('nice'));
    expect(Number(generator)).toBe(19);
    expect(Number(mine)).toBeLessThan(19);
    expect(generatorCpus).toBe(all);
  });
});
