import { describe, expect, it } from 'vitest';
import { readDecisionForm } from '../../../electron/features/actorflow/approval-page';

describe('reading the demo portal’s approval form', () => {
  it('takes the form’s action relative to the page and its hidden fields', () => {
    const html = `<form method="post" action="/ui/agentrequest/decision?redirect=1&amp;x=2"><input type="hidden" name="id" value="a&amp;b"><select name="pid"></select></form>`;
    const form = readDecisionForm(html, 'http://127.0.0.1:9/ui/agentrequest?id=1');
    expect(form.action).toBe('http://127.0.0.1:9/ui/agentrequest/decision?redirect=1&x=2');
    expect([...form.fields]).toEqual([['id', 'a&b']]);
  });

  it('says the request is no longer open when the page offers no choice', () => {
    expect(() => readDecisionForm('<p>Forespørselen er ikke lenger åpen.</p>', 'http://x/')).toThrow(
      expect.objectContaining({ code: 'REQUEST_NOT_OPEN' }),
    );
  });
});
