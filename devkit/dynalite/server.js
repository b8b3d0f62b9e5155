// Starts an in-memory dynalite on a free loopback port and prints {"port": N} on one line.
// dynalite's CLI ignores --port 0, so the module API is used; the process exits with its parent's stdin.
'use strict';
const dynalite = require('dynalite');
const host = process.env.DYNALITE_HOST || '127.0.0.1';
const port = Number(process.env.DYNALITE_PORT || 0);
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(port, host, () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});
// When the JVM that started us dies (even by SIGKILL), our stdin closes: stop with it.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
