import { el } from './dom';

/**
 * A secondary Spectrum button of medium size: `type="button"`, so that it never submits the form.
 * `label` is its text (none for an icon-only button, which brings its own icon and title);
 * `className` is the view's own class for it.
 */
export function createButton(
  className: string,
  label?: string,
  variant: 'outline' | 'quiet' = 'outline',
): HTMLButtonElement {
  const button = el(
    'button',
    `spectrum-Button spectrum-Button--${variant} spectrum-Button--secondary spectrum-Button--sizeM ${className}`,
  );
  button.type = 'button';
  if (label !== undefined) button.append(el('span', 'spectrum-Button-label', label));
  return button;
}
