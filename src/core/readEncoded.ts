/**
 * Reads `text` as a receiver could, so that the privacy guard matches what it means, not how it
 * is written: percent-encoding undone again and again until nothing changes, then compatibility
 * forms folded (NFKC: fullwidth `＠` and `．`, small `﹫` and `﹒`, halfwidth `｡`, fullwidth
 * letters) and the ideographic `。` read as "." (IDNA maps it, `．` and `｡` to "." in domain
 * names). A run of escapes that is not UTF-8 (`%FC`, Latin-1's "ü") is read byte by byte, as a
 * Latin-1 server would; a stray `%` stays as it is.
 *
 * Few passes, each linear: `%25` is `%` at the end of any number of passes, so a `%2525…40` chain
 * is read at once; any other level of encoding writes each escape of the level below at least
 * three times longer, so n characters hold at most log₃ n levels.
 */
export function readEncoded(text: string): string {
  for (let last = ''; last !== text;) {
    last = text;
    text = text.replace(/%(25)+/g, '%').replace(/(%[\da-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return unescape(run);
      }
    });
  }
  return text.normalize('NFKC').replace(/\u3002/g, '.');
}
