import { describe, expect, it } from 'vitest';
import { isIntroSubject, isObject, verbFollows } from '../../src/core/quotes/subject-of.js';

/** The mention of `name` in `text`, by its first occurrence. */
const at = (text: string, name: string) => {
  const start = text.indexOf(name);
  return { start, end: start + name.length };
};

describe('subject-of', () => {
  it.each([
    ['During an interview with Ada Voss, Grant Hollis discussed the plan.', 'Grant Hollis', true],
    ['In his assessment of the plan, Hollis intimated disappointment.', 'Hollis', true],
    ['At a rally in Calder, Maine, on Thursday, Sen. Ada Voss included the port.', 'Ada Voss', true],
    // No opener, a name that opens no clause, a possessive, a relative clause, or no verb after it.
    ['Grant Hollis discussed the plan.', 'Grant Hollis', false],
    ['The crews, Grant Hollis and Ada Voss, left.', 'Grant Hollis', false],
    ['During the interview, Hollis’s aide discussed the plan.', 'Hollis', false],
    ['During the interview, Grant Hollis, who runs the port, spoke.', 'Grant Hollis', false],
    ['During the interview, Grant Hollis and Ada Voss spoke.', 'Grant Hollis', false],
    // "Inés" is no "In"; an opener must start a sentence.
    ['Inés Sainz, Grant Hollis discussed the plan.', 'Grant Hollis', false],
    ['', 'Hollis', false],
  ])('reads %s: %s a subject after an opener is %s', (text, name, expected) => {
    expect(isIntroSubject(text, at(text, name))).toBe(expected);
  });

  it.each([
    ['The board knew Mayor Ada Voss wanted the port.', true],
    ['It is what Ada Voss called a dead end.', true],
    ['Then Ada Voss quickly took to the radio.', true],
    ['The board said Ada Voss on Monday rejected the plan.', true],
    ['Ada Voss isn’t leaving.', true],
    // Objects: a preposition, a comma, a noun, a participle.
    ['The board saw Ada Voss as the driver.', false],
    ['The board thanked Ada Voss, the pilot.', false],
    ['The board backed Ada Voss supporters.', false],
    ['The board saw Ada Voss leaving.', false],
    ['Ada Voss', false],
  ])('reads a verb of its own after the name in %s: %s', (text, expected) => {
    expect(verbFollows(text, at(text, 'Ada Voss').end)).toBe(expected);
  });

  it('does not take the start of its 200-character window for a sentence start', () => {
    // The opener phrase is exactly 200 characters before the name, inside a sentence.
    const phrase = `${'In the long speech'.padEnd(198, ' about the harbour')}, `;
    const text = `the pier stayed shut for weeks and ${phrase}Grant Hollis discussed the plan.`;
    expect(isIntroSubject(text, at(text, 'Grant Hollis'))).toBe(false);
    expect(
      isIntroSubject(
        phrase + 'Grant Hollis discussed the plan.',
        at(phrase + 'Grant Hollis', 'Grant Hollis'),
      ),
    ).toBe(true);
  });

  it.each([
    ['During an interview with Ada Voss, Grant Hollis spoke.', 'Ada Voss', true],
    ['Hollis told Sen. Ada Voss the port would open.', 'Ada Voss', true],
    ['The plan was endorsed by Ada Voss.', 'Ada Voss', true],
    ['Ada Voss told the crews the port would open.', 'Ada Voss', false],
    ['The plan failed. Ada Voss said so.', 'Ada Voss', false],
  ])('reads %s: %s an object is %s', (text, name, expected) => {
    expect(isObject(text, at(text, name))).toBe(expected);
  });
});
