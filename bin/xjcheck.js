#!/usr/bin/env node
// The installed command: runs the bundled CLI (dist/cli.js, built by `npm run build:cli`) with the real process.
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

const io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};
cli.main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`xjcheck:程序内部错误:${e && e.message}\n`);
    process.exitCode = 2;
  },
);
