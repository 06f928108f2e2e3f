#!/usr/bin/env node
import { main } from './main.js'

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  now: new Date(),
  ...(process.stderr.isTTY ? { tty: { columns: process.stderr.columns || 80 } } : {})
})
