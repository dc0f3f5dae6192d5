/**
 * True when a parsed JSON value nests deeper than `maxDepth` objects and arrays. Iterative, so a
 * body of 400,000 levels is measured without exhausting the stack (which is what recursive
 * validators, `JSON.stringify` and `structuredClone` would do with it).
 */
export function exceedsDepth(value: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > maxDepth) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}
