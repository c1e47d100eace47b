/**
 * Runs the real research command line (`node --import tsx electron/cli/glose.ts …`, what
 * `npm run glose --` runs; under vitest its bundle, tests/support/cli-entry.ts) on temporary
 * files, optionally under a pseudo-terminal (util-linux `script`) to see what a person at a
 * terminal sees; and builds W3C annotations to import.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliEntry } from '../../support/cli-entry';
import { repoRoot } from '../formats/fixtures';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const ENTRY = cliEntry('glose');

export function glose(...args: string[]): Promise<Run> {
  return gloseWith([], ...args);
}

/** The command line with extra Node options before it (e.g. a preload that reports memory). */
export function gloseWith(nodeOptions: string[], ...args: string[]): Promise<Run> {
  return runGlose(nodeOptions, {}, args);
}

/** The command line with `env` added to this process's environment. */
export function gloseWithEnv(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return runGlose([], env, args);
}

function runGlose(nodeOptions: string[], env: Record<string, string>, args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [...nodeOptions, ...ENTRY, ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The command with its stdout read by nobody (the reader closed the pipe at once, as `| head` does once it has its lines). */
export function gloseIntoClosedPipe(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...ENTRY, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => done({ code: code ?? 1, stdout: '', stderr }));
  });
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The same command with stdin/stdout/stderr on a pseudo-terminal; returns everything the terminal received. */
export function gloseOnTerminal(...args: string[]): Promise<Run> {
  const command = [process.execPath, ...ENTRY, ...args].map(quote).join(' ');
  return new Promise((done) => {
    execFile('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, encoding: 'utf8' }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'glose-cli-'));
}

/** A W3C annotation on `exact` (first occurrence) in `text`, as another tool might write it. */
export function w3cAnnotation(corpus: string, article: string, text: string, id: string, layer: string, kind: string, exact: string): object {
  const at = text.indexOf(exact);
  const start = at < 0 ? 0 : [...text.slice(0, at)].length;
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:glose:${corpus}/articles/${article}/annotations/${id}`,
    type: 'Annotation',
    motivation: 'classifying',
    created: '2025-09-02T10:00:00.000Z',
    creator: { id: `urn:glose:${corpus}/agents/${layer}`, type: 'Person', name: layer },
    body: [{ type: 'TextualBody', purpose: 'classifying', value: kind }],
    target: {
      source: `urn:glose:${corpus}/articles/${article}`,
      selector: [
        { type: 'TextPositionSelector', start, end: start + [...exact].length },
        { type: 'TextQuoteSelector', exact },
      ],
    },
    'glose:layer': layer,
  };
}
