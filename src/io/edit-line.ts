/**
 * A line of text to type, prefilled with the value given before and edited in place: the answer is the line as it
 * stands when Enter is pressed, empty if it was emptied. @inquirer/input with an editable prefill keeps the earlier
 * value as the answer to an empty line, so a field cleared with Ctrl+U (or Ctrl+W) gave the old value back on Enter,
 * shown only as "(abc)" after the question, and a wrong fact went into a ticket (QA: desk). Loaded with inquirer.
 */
import { createPrompt, isEnterKey, makeTheme, useEffect, useKeypress, usePrefix, useState, type Status } from '@inquirer/core';

export interface EditLineConfig {
  message: string;
  /** The value on the line to begin with. */
  default?: string;
  /** How the line is drawn (as @inquirer/input's transformer). */
  transformer?: (value: string, state: { isFinal: boolean }) => string;
}

export const editLine = createPrompt<string, EditLineConfig>((config, done) => {
  const theme = makeTheme();
  const [status, setStatus] = useState<Status>('idle');
  const [value, setValue] = useState('');
  const prefix = usePrefix({ status, theme });
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      setStatus('done');
      done(value);
    } else setValue(rl.line);
  });
  useEffect((rl) => {
    if (config.default) {
      rl.write(config.default);
      setValue(config.default);
    }
  }, []);
  const isFinal = status === 'done';
  const shown = config.transformer ? config.transformer(value, { isFinal }) : isFinal ? theme.style.answer(value) : value;
  return [prefix, theme.style.message(config.message, status), shown].join(' ');
});
