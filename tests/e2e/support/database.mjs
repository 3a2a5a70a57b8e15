// Direct writes to the test server's SQLite database, for states the product cannot reach yet
// in this version. Each helper says which state and why. Uses Debian's `sqlite3` command-line
// shell (scripts/install-deps installs it). The server keeps the database open in WAL mode,
// so a short write from a second process is safe; `.timeout` waits out the server's own
// writes instead of failing with "database is locked".

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs one SQL statement against `<dataDir>/careops.db`; resolves with its output. */
export async function sql(dataDir, statement) {
  const database = join(dataDir, 'careops.db');
  try {
    const { stdout } = await run('sqlite3', ['-cmd', '.timeout 5000', database, statement]);
    return stdout;
  } catch (error) {
    if (error.code === 'ENOENT') {
      throw new Error('the sqlite3 shell is missing: run scripts/install-deps (apt sqlite3)');
    }
    throw error;
  }
}
