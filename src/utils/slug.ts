/**
 * Polish letters that Unicode normalization does not split into a base letter and a
 * combining mark (ł is its own letter), mapped to their ASCII look-alikes.
 */
const unsplittable: Record<string, string> = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ß: 'ss' };

/**
 * Turns a title or a name into an ASCII slug for file names and URLs:
 * `"Bezpieczeństwo w sieci — raport 2026"` → `"bezpieczenstwo-w-sieci-raport-2026"`.
 * Letters lose their diacritics (ą→a, ł→l, ż→z), everything else becomes a single hyphen.
 * Returns an empty string when nothing usable is left.
 */
export function asciiSlug(text: string): string {
  return text
    .replace(/[łŁøØđĐß]/g, (letter) => unsplittable[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
