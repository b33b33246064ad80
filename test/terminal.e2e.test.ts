import { it } from 'vitest';
import { TerminalSession } from './tmux.js';

it('probe en40', async () => {
  const term = new TerminalSession(['diagnose', 'account-compromised'], { width: 40, height: 80 });
  console.log('exit', await term.exitCode());
  console.log(term.screen().split('\n').map((l) => `${String(l.length).padStart(3)}|${l}`).join('\n'));
  term.close();
});
