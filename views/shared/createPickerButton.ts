import { createButton } from './createButton';
import { getExtensionBridge } from './ExtensionBridge';

const SVG = 'http://www.w3.org/2000/svg';

/** A small "database" glyph, drawn here so the views ship no icon font. */
function dataElementIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 18 18');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'spectrum-Icon');
  for (const cy of [4, 9, 14]) {
    const ellipse = document.createElementNS(SVG, 'ellipse');
    ellipse.setAttribute('cx', '9');
    ellipse.setAttribute('cy', String(cy));
    ellipse.setAttribute('rx', '6');
    ellipse.setAttribute('ry', '2.2');
    ellipse.setAttribute('fill', 'none');
    ellipse.setAttribute('stroke', 'currentColor');
    ellipse.setAttribute('stroke-width', '1.5');
    svg.append(ellipse);
  }
  return svg;
}

/**
 * The button next to a field that opens the Tags data element picker; the chosen `%token%` is
 * handed to `onToken`. A closed picker (no choice) changes nothing.
 */
export function createPickerButton(fieldLabel: string, onToken: (token: string) => void): HTMLButtonElement {
  const button = createButton('spectrum-Button--iconOnly ec-picker');
  button.title = `Pick a data element for ${fieldLabel}`;
  button.setAttribute('aria-label', button.title);
  button.append(dataElementIcon());
  button.addEventListener('click', () => {
    const bridge = getExtensionBridge();
    if (!bridge) return;
    bridge.openDataElementSelector({ tokenize: true }).then(
      (token) => {
        if (typeof token === 'string' && token) onToken(token);
      },
      () => undefined,
    );
  });
  return button;
}

/** Puts a picked token into a text input: it replaces what was typed, as in Adobe's own views. */
export function insertToken(input: HTMLInputElement | HTMLTextAreaElement, token: string): void {
  input.value = token;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
