/** “1 annotation”, “3 annotations”, “1,204 categories” (English UI strings; digits grouped the English way). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
