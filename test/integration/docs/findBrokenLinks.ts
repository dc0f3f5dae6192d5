// Finds relative links in a Markdown file that point nowhere: a missing file, or an `#anchor` that
// matches no heading of the target page (GitHub's heading ids).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** A link that points nowhere, with the line it is on. */
export interface BrokenLink {
  file: string;
  line: number;
  target: string;
  reason: string;
}

const INLINE_LINK = /!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** The lines of a Markdown text outside fenced code blocks: as written, and with inline code blanked out. */
function proseLines(text: string): { line: number; raw: string; text: string }[] {
  const lines: { line: number; raw: string; text: string }[] = [];
  let fence: string | undefined;
  text.split('\n').forEach((raw, index) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      return;
    }
    if (!fence) lines.push({ line: index + 1, raw, text: raw.replace(/(`+)[\s\S]*?\1/g, '') });
  });
  return lines;
}

/** A heading's text as rendered: links become their text, emphasis markers go, code spans stay as written. */
function renderedText(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split(/(`[^`]*`)/)
    .map((part, index) =>
      index % 2 ? part : part.replace(/\*+/g, '').replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, ''),
    )
    .join('');
}

/** GitHub's id for a heading: its rendered text in lower case, punctuation dropped, spaces to hyphens. */
export function headingId(heading: string): string {
  return renderedText(heading)
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every heading id of a Markdown text, numbered like GitHub's when a heading repeats. */
export function headingIds(text: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  for (const { raw } of proseLines(text)) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw)?.[1];
    if (heading === undefined) continue;
    const id = headingId(heading);
    const count = seen.get(id) ?? 0;
    seen.set(id, count + 1);
    ids.add(count ? `${id}-${count}` : id);
  }
  return ids;
}

/** The link targets of one Markdown text, with their line numbers. */
export function linkTargets(text: string): { line: number; target: string }[] {
  const targets: { line: number; target: string }[] = [];
  for (const { line, text: prose } of proseLines(text)) {
    for (const match of prose.matchAll(INLINE_LINK)) targets.push({ line, target: match[1]! });
    const definition = REFERENCE_DEFINITION.exec(prose)?.[1];
    if (definition) targets.push({ line, target: definition });
  }
  return targets;
}

/** The relative links of `file` (a path under `root`) whose file or heading does not exist. */
export function findBrokenLinks(root: string, file: string): BrokenLink[] {
  const path = join(root, file);
  const broken: BrokenLink[] = [];
  for (const { line, target } of linkTargets(readFileSync(path, 'utf8'))) {
    if (EXTERNAL.test(target)) continue;
    const [pathPart = '', anchor] = decodeURI(target).split('#');
    const resolved = pathPart ? join(pathPart.startsWith('/') ? root : dirname(path), pathPart) : path;
    const report = (reason: string) => broken.push({ file, line, target, reason });
    if (!relative(root, resolved) || relative(root, resolved).startsWith('..')) {
      if (pathPart) report('points outside the repository');
    } else if (!existsSync(resolved)) {
      report(`no such file: ${relative(root, resolved)}`);
      continue;
    }
    if (anchor && resolved.endsWith('.md') && statSync(resolved).isFile()) {
      if (!headingIds(readFileSync(resolved, 'utf8')).has(anchor)) report(`no heading with id "${anchor}"`);
    }
  }
  return broken;
}
