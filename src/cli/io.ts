import type { Palette } from './format.js';

/** What a command reads and writes: injected, so that tests run commands in process. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  /** Colours for `out` (none when it is not a terminal or NO_COLOR is set). */
  colors: Palette;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The whole of standard input (for `invoke -`). */
  readStdin(): Promise<string>;
}
