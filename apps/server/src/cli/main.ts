/**
 * `komek` command line. Each command is a module in ./commands/ exporting `run(argv)`;
 * a command with a sub-command (e.g. `eval classify`) lives in commands/<cmd>-<sub>.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const commandsDir = join(here, 'commands');

function listCommands(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3).replace('-', ' '))
    .sort();
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const [cmd, sub] = argv;
  if (!cmd || cmd === '--help' || cmd === 'help') {
    process.stdout.write(`usage: komek <command> [options]\n\ncommands:\n  ${listCommands().join('\n  ')}\n`);
    return;
  }
  const candidates = sub ? [`${cmd}-${sub}`, cmd] : [cmd];
  for (const name of candidates) {
    const file = join(commandsDir, `${name}.ts`);
    if (/^[a-z0-9-]+$/.test(name) && existsSync(file)) {
      const mod = (await import(pathToFileURL(file).href)) as { run(argv: string[]): Promise<void> };
      const rest = argv.slice(name.includes('-') && name !== cmd ? 2 : 1);
      await mod.run(rest);
      return;
    }
  }
  process.stderr.write(`unknown command: ${argv.join(' ')}\ncommands:\n  ${listCommands().join('\n  ')}\n`);
  process.exit(2);
}

await main();
