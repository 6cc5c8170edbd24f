/** Upload refusals in words for a person, not "Upload refused: HTTP 401" in small grey type. */
import { describe, expect, it } from 'vitest';
import { CLIENT_SCRIPT } from '../../src/web/static/client-script.js';
import { STYLESHEET } from '../../src/web/static/stylesheet.js';
import { UPLOAD_PROBLEMS, uploadProblem } from '../../src/web/static/upload-problems.js';

describe('upload problems', () => {
  it.each([
    ['unauthorized', /Paste it in the Token field/],
    ['too-large', /too large/],
    ['network', /could not be reached/],
    ['no-such-code', /Something went wrong/],
    [undefined, /Something went wrong/],
  ])('%s → %s', (code, wording) => {
    expect(uploadProblem(code)).toMatch(wording);
  });

  it('the page script shows them as a visible alert, never the bare developer message', () => {
    expect(CLIENT_SCRIPT).toContain(JSON.stringify(UPLOAD_PROBLEMS));
    expect(CLIENT_SCRIPT).toContain("status.className = 'problem'");
    expect(CLIENT_SCRIPT).not.toContain("'Upload refused: '");
    expect(STYLESHEET).toMatch(/\.problem \{[^}]*border-left/);
  });
});
