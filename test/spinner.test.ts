/** ora's spinner follows wallet-help's colour decision (--color, --no-color, NO_COLOR, settings), not chalk's detection. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { spinner } from '../src/vendor/ora.js';

function frames(colored: boolean): string {
  let out = '';
  // A terminal as ora sees one: it moves the cursor to redraw.
  const stream = Object.assign(new Writable({ write: (chunk: Buffer, _encoding, done) => ((out += chunk.toString()), done()) }), {
    isTTY: true,
    columns: 80,
    cursorTo: () => true,
    moveCursor: () => true,
    clearLine: () => true,
  });
  const s = spinner({ text: 'Checking the connection', stream: stream as unknown as NodeJS.WritableStream, isEnabled: true, discardStdin: false }, colored).start();
  s.stop();
  return out;
}

describe('the check spinner', () => {
  it('is coloured only when wallet-help decided on colour', () => {
    // ora draws its frames in cyan (ESC [36m) when colour is on.
    expect(frames(true)).toContain('\u001b[36m');
    expect(frames(false)).not.toContain('\u001b[36m');
    expect(frames(false)).toContain('Checking the connection');
  });
});
