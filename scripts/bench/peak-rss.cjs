// Preloaded with `node --require` into a measured process (the language
// server, the command line, the bare parse): when the process exits, writes
// its peak resident memory in kilobytes (process.resourceUsage().maxRSS) to
// the file named by BENCH_PEAK_RSS_FILE. From inside, because the parent only
// sees its own and its children's combined peak.
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // the benchmark reports the figure as missing
    }
  });
}
