/** “1 annotation”, “3 annotations” (English UI strings). */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
