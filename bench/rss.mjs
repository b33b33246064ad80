// Preloaded with --import by the benchmark: reports the process's peak memory at exit.
process.on('exit', () => {
  process.stderr.write(`\n@@maxrss ${process.resourceUsage().maxRSS}\n`);
});
