/**
 * Reads `text` as a receiver could, so that the privacy guard matches what it means, not how it
 * is written: percent-encoding undone again and again until nothing changes, then the look-alikes
 * of "@" (fullwidth `＠`, small `﹫`) and of "." (ideographic `。`, fullwidth `．`, halfwidth `｡`,
 * small `﹒`; IDNA maps these four to "." in domain names) read as such. A run of escapes that is
 * not UTF-8 (`%E4`, Latin-1's "ä") is read byte by byte, as a Latin-1 server would; a stray `%`
 * stays as it is.
 *
 * Few passes, each linear: a `%2525…40` chain is read at once (`%` then "25" any number of times
 * before two hex digits is what that many passes would leave), and any other level of encoding
 * writes each escape of the level below at least three times longer, so n characters hold at
 * most log₃ n levels.
 */
export function readEncoded(text: string): string {
  for (let last = ''; last !== text;) {
    last = text;
    text = text.replace(/%(25)+(?=[\da-f]{2})/gi, '%').replace(/(%[\da-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return unescape(run);
      }
    });
  }
  return text.replace(/[\uff20\ufe6b]/g, '@').replace(/[\u3002\uff0e\uff61\ufe52]/g, '.');
}
