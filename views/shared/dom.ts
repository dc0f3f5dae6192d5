/** Creates an element with a class and, optionally, text. Text always goes in as text, never as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

let lastId = 0;

/** A page-unique id for tying a label to its input. */
export function uniqueId(name: string): string {
  lastId += 1;
  return `field-${name.replace(/[^\w-]/g, '_')}-${lastId}`;
}
