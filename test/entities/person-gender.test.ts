import { describe, expect, it } from 'vitest';
import { personIndex } from '../../src/core/entities/person-spans.js';

// Thirteenth round, issue 11 (docs/speakers.md): the gender "he"/"she" is matched against, when no
// first name says it. Fictional texts; "Jordan" and "Cornell" are first names the list leaves out.
describe('a gender from the words around a name', () => {
  it.each<[string, string, string | undefined]>([
    ['Kale spokeswoman Jordan Pike took the stage.', 'Jordan Pike', 'female'],
    ['Jordan Pike, a mother of three, took the stage.', 'Jordan Pike', 'female'],
    ['Jordan Pike, the actor who played the mayor, took the stage.', 'Jordan Pike', 'male'],
    ['Jordan Pike, a former spokesman for the port, took the stage.', 'Jordan Pike', 'male'],
    [
      'Cornell Belcher, a pollster, spoke first. Mr. Belcher agreed with the board.',
      'Cornell Belcher',
      'male',
    ],
    // A role that says nothing of it, and two words that disagree.
    ['Kale spokesperson Jordan Pike took the stage.', 'Jordan Pike', undefined],
    [
      'Kale spokeswoman Jordan Pike spoke first. Later the actor Jordan Pike took the stage.',
      'Jordan Pike',
      undefined,
    ],
  ])('%s', (text, name, gender) => {
    expect(personIndex(text).gender(name)).toBe(gender);
  });
});
