/** The speakers lab's count of one-word sentence openers given as speakers, on fictional examples. */
import { describe, expect, it } from 'vitest';
import { countOpeners } from '../../lab/speakers/openers.js';

describe('countOpeners', () => {
  it('counts an opener no tagged person holds, not a named person, and stops at the limit', () => {
    const lines = [
      JSON.stringify({
        id: 'x-1',
        documents: [
          'The ferry sailed late. Tempers have flared as the skipper is reportedly "feeling sidelined by the new rota."',
          'Mayor Lena Ortiz spoke on Monday. "We will reopen the bridge soon," Ortiz said.',
        ],
      }),
      JSON.stringify({
        id: 'x-2',
        documents: ['Tempers flared. Tempers is reportedly "tired of it all now."'],
      }),
    ];
    const r = countOpeners(lines, 1);
    expect(r.quotes).toBe(2);
    expect(r.spoken).toBe(2);
    expect(r.suspects).toEqual([{ id: 'x-1', word: 'Tempers' }]);
  });
});
