/** The lab's first-name gender table (lab/speakers/first-name-genders.ts) on texts we write. */
import { describe, expect, it } from 'vitest';
import { addText, emptyCounts, genderTable } from '../../lab/speakers/first-name-genders.js';

// The window after a name runs to the fourth word of the next sentence: filler keeps the two apart.
const TWO = 'yolanthe brisk said she would stay. then it rained all day. quorin vale said he would go.';
const options = { min: 2, female: 0.6, male: 0.9, determined: 0.08, followed: 0.5 };

describe('first-name genders', () => {
  it('votes with the pronouns after a first name and a surname', () => {
    const c = emptyCounts();
    addText(TWO, c);
    expect(c.votes.get('yolanthe')).toEqual([1, 0]);
    expect(c.votes.get('quorin')).toEqual([0, 1]);
    // "said" and "she" are no first names; "the officer" is after a determiner.
    expect(c.votes.has('said')).toBe(false);
  });

  it('keeps names with enough votes and a clear side, not words often after a determiner', () => {
    const c = emptyCounts();
    for (let i = 0; i < 3; i++) {
      addText(TWO, c);
      // "lantern" votes when no determiner stands before it, but half its uses have one.
      addText('the lantern brisk said she left. then it rained all day. lantern brisk said she left.', c);
    }
    expect(c.votes.get('lantern')).toEqual([3, 0]);
    expect(genderTable(c, options)).toEqual({ female: ['yolanthe'], male: ['quorin'] });
  });

  it('leaves out a name the votes split', () => {
    const c = emptyCounts();
    addText('rilo dane said she came. rilo dane said he came.', c);
    expect(genderTable(c, options)).toEqual({ female: [], male: [] });
  });
});
