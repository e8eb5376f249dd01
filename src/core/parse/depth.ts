/**
 * True when `value` nests objects/arrays deeper than `maxDepth`. Iterative, and it only visits
 * containers (never string contents), so checking a normal record costs a few microseconds.
 */
export function exceedsDepth(value: unknown, maxDepth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: Array<[object, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > maxDepth) return true;
    if (Array.isArray(node)) {
      for (const child of node as unknown[])
        if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    } else {
      for (const key in node) {
        const child = (node as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
      }
    }
  }
  return false;
}
