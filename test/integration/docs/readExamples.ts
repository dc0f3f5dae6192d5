// The fenced code blocks of a Markdown page, with the marker that says how a test runs them (the
// word after the language: ```js run). CONTRIBUTING.md, "Runnable examples", lists the markers.
import { readFileSync } from 'node:fs';

/** How an example is run: as an ES module in Node, in a page in Chromium, or not at all (with a reason in the docs). */
export type ExampleMode = 'run' | 'run-in-browser' | 'no-run';
export const EXAMPLE_MODES: readonly ExampleMode[] = ['run', 'run-in-browser', 'no-run'];

/** One fenced block: where it is, its language, its marker (if any) and its code. */
export interface CodeExample {
  file: string;
  line: number;
  language: string;
  mode: string | undefined;
  code: string;
}

/** The languages whose blocks are code a reader would paste, and so must say how they are run. */
export const CODE_LANGUAGES = ['js', 'javascript', 'ts', 'typescript', 'html'];

/** Reads every fenced block of `file` (an indented block, as in a list, is read without its indent). */
export function readExamples(file: string, text = readFileSync(file, 'utf8')): CodeExample[] {
  const examples: CodeExample[] = [];
  let open: { indent: string; fence: string; line: number; info: string[]; lines: string[] } | undefined;
  text.split('\n').forEach((raw, index) => {
    const match = /^(\s*)(`{3,}|~{3,})\s*(.*)$/.exec(raw);
    if (!open) {
      if (match)
        open = {
          indent: match[1]!,
          fence: match[2]!,
          line: index + 1,
          info: match[3]!.split(/\s+/),
          lines: [],
        };
      return;
    }
    if (match && match[2]!.startsWith(open.fence) && !match[3]) {
      const [language = '', mode] = open.info;
      examples.push({ file, line: open.line, language, mode, code: open.lines.join('\n') + '\n' });
      open = undefined;
      return;
    }
    open.lines.push(raw.startsWith(open.indent) ? raw.slice(open.indent.length) : raw);
  });
  return examples;
}
