/** True when the whole value is one data element token such as `%user email%`. */
export function isToken(value: string): boolean {
  return /^%[^%]+%$/.test(value.trim());
}

/** True when the value contains a data element token anywhere (Tags interpolates those). */
export function hasToken(value: string): boolean {
  return /%[^%]+%/.test(value);
}
