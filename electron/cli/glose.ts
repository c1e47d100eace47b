/**
 * `npm run glose -- <command> …`: the command line's one entry point. Each command is one
 * line of the table below (name, summary, module exporting `run(argv)`), loaded on demand.
 */
type Command = { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<void> }> };

const commands: Record<string, Command> = {
  token: { summary: 'token --role R --user U --corpus C [--data DIR] [--ttl HOURS]: mint a session token', load: () => import('./commands/token') },
  import: { summary: 'import FILES... --into BUNDLE [--kind-map FROM=TO]... [--source-map FILE] [--creator NAME]: add articles (.txt .md .docx, web pages by their http(s) address), bundles (.zip), annotations (W3C/Hypothesis .json .jsonld, W3C JSON lines .jsonl .ndjson, brat .ann, WebAnno .tsv)', load: () => import('./commands/import') },
  export: { summary: 'export --from BUNDLE|DATA_DIR [--corpus C] --format w3c|jsonl|csv|brat|conll|aif|tei|webanno|claimreview|bundle --out PATH [--pseudonymise SALT] [--csv-raw] [--feedback]', load: () => import('./commands/export') },
  backup: { summary: 'backup --data DIR --out FILE [--server URL] [--corpus C]: a consistent copy of a class database (with --server: of the running server)', load: () => import('./commands/backup') },
  restore: { summary: 'restore FILE --data DIR [--identities-from OLD_DIR]: recreate a class database from a backup or a corpus bundle (.zip), into a new data directory (with the old signing secret and class session: the same people go on)', load: () => import('./commands/restore') },
  migrate: { summary: 'migrate --data DIR --postgres URL: copy a laptop\'s class database into a school server\'s PostgreSQL (the server on DIR stopped)', load: () => import('./commands/migrate') },
  agreement: { summary: 'agreement --from BUNDLE|DATA_DIR [--corpus C] [--json] [--gold]: agreement between annotators', load: () => import('./commands/agreement') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['usage: npm run glose -- <command> [options]', '', 'commands:', ...lines].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    console.error(name === undefined || name === '--help' ? usage() : `unknown command "${name}"\n\n${usage()}`);
    process.exitCode = name === '--help' ? 0 : 2;
    return;
  }
  await (await command.load()).run(rest);
}

// A reader that stops early (`glose agreement | head`) closes the pipe: stop quietly, as cat does.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`glose: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
