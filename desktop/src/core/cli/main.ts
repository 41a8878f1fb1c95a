/**
 * Entry point of the core's command line: `npm run core -w @flowstage/desktop -- <command> --db <file>`
 * (see commands.ts). Relative paths are taken from the directory npm was started in.
 */
import { runCli } from './commands';

process.exitCode = runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
