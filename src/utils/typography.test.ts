import { describe, expect, it } from 'vitest';
import { joinHangingLetters, NO_BREAK_SPACE as NBSP } from './typography.ts';

describe('joinHangingLetters', () => {
  it('joins each one-letter word to the next with a no-break space', () => {
    expect(joinHangingLetters('Konsole z wyprzedaży i gry o zdrowiu')).toBe(`Konsole z${NBSP}wyprzedaży i${NBSP}gry o${NBSP}zdrowiu`);
  });

  it('handles capitals, a sentence start and chains of one-letter words', () => {
    expect(joinHangingLetters('W sklepie a w domu')).toBe(`W${NBSP}sklepie a${NBSP}w${NBSP}domu`);
    expect(joinHangingLetters('I tak, U nas, O RODO, Z bliska, A jednak')).toBe(
      `I${NBSP}tak, U${NBSP}nas, O${NBSP}RODO, Z${NBSP}bliska, A${NBSP}jednak`,
    );
  });

  it('joins after opening quotes and brackets', () => {
    expect(joinHangingLetters('konsole „z wyprzedaży” (w sieci)')).toBe(`konsole „z${NBSP}wyprzedaży” (w${NBSP}sieci)`);
  });

  it('replaces a line break or several spaces with one no-break space', () => {
    expect(joinHangingLetters('dane o\nklientach i  sprzedaży')).toBe(`dane o${NBSP}klientach i${NBSP}sprzedaży`);
  });

  it('leaves letters that end longer words, initials and other letters alone', () => {
    expect(joinHangingLetters('kara dla firmy')).toBe('kara dla firmy');
    expect(joinHangingLetters('Jan A. Kowalski')).toBe('Jan A. Kowalski');
    expect(joinHangingLetters('punkt b oraz e mail')).toBe('punkt b oraz e mail');
    expect(joinHangingLetters('art. 6 ust. 1 lit. a RODO')).toBe(`art. 6 ust. 1 lit. a${NBSP}RODO`);
  });

  it('joins a one-letter word at the end, where the text continues in the next node', () => {
    expect(joinHangingLetters('czytaj w ')).toBe(`czytaj w${NBSP}`);
  });

  it('returns text without one-letter words unchanged', () => {
    const text = 'Urząd nałożył karę 2,1 mln zł.';
    expect(joinHangingLetters(text)).toBe(text);
  });
});
