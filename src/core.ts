/**
 * The light modules every command shares. Each lazily loaded module imports this
 * file, so the bundler places all of them in one chunk that start-up reads at
 * once, instead of a dozen small chunks, each a file to open and compile. A
 * package loaded on demand is imported through a module of ours in src/vendor/
 * that imports this file too: otherwise code it shares with start-up (the
 * bundler's CommonJS helpers) would sit in a chunk of its own. Modules here
 * reach fs/promises as fs.promises, which Node loads on first use: importing
 * node:fs/promises loads it (and readline, event targets and more) at start-up.
 * Commander is not here: a plain diagnose line is read without it (see
 * commands/diagnose/command-line.ts), and it loads with the program's declaration.
 */
import './errors.js';
import './engine/types.js';
import './i18n/i18n.js';
import './i18n/problem-ref.js';
import './util/safe-text.js';
import './util/read-error.js';
import './paths.js';
import './io/io.js';
import './config/config.js';
import './safety/screen.js';
import './safety/platforms.js';
import './render/time.js';
import './render/queue.js';
import './render/layout.js';
import './flows/catalog.js';
import './directory/source.js';
import './settings.js';
import './process-run.js';
import './main.js';
// What diagnose (the command run most) needs besides its own module.
import './engine/engine.js';
import './engine/result.js';
import './diagnosis/diagnosis.js';
import './diagnosis/checks.js';
import './cases/store.js';
import './checks/progress.js';
import './commands/diagnose/answers.js';
import './commands/diagnose/command-line.js';
import './util/suggest.js';
import './render/summary-kinds.js';
import './render/chain.js';
import './render/check-lines.js';
