#!/usr/bin/env node
// The installed command: runs the bundled CLI (dist/cli.js, built by `npm run build:cli`) with the real process.
// Requiring the bundle does not run it (only `node dist/cli.js` does), so it is run here, once.
'use strict';
const path = require('node:path');

let cli;
try {
  cli = require(path.join(__dirname, '..', 'dist', 'cli.js'));
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('xjcheck:找不到 dist/cli.js,请先运行 npm run build:cli\n');
    process.exit(2);
  }
  throw e;
}

cli.runProcess();
