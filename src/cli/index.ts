#!/usr/bin/env node
// The cloud-events-handler bin: runs the command line (commands in main.ts). No import.meta here, so that
// it builds as an ES module or as CommonJS alike.
import { main, processIO } from './main.js';

main(process.argv.slice(2), processIO()).then(
  (code) => {
    // Exit now: an app may hold the event loop open (a database pool, a timer). Linux writes to pipes and files synchronously.
    process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`cloud-events-handler: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
