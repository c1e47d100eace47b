/* global process */
// Preloaded into a child process (`node --import ./tests/support/report-max-rss.mjs …`): prints
// the process's peak resident memory on stderr as it exits, as `max-rss-kb N`.
process.on('exit', () => process.stderr.write(`\nmax-rss-kb ${process.resourceUsage().maxRSS}\n`));
