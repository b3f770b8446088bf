import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import { fill } from '../../src/i18n/translate.js';

const number = (value: number) => String(value);

describe('fill(): messages inside messages', () => {
  test('an error message that ends its sentence is not followed by a second full stop', () => {
    for (const table of [en, de]) {
      const saveFailed = fill(table['dialog.saveFailed'], { message: table['error.noAnswer'] }, number);
      assert.ok(!saveFailed.includes('..'), saveFailed);
      assert.ok(saveFailed.includes(table['error.noAnswer']), saveFailed);
    }
    assert.equal(
      fill(en['dialog.saveFailed'], { message: en['error.noAnswer'] }, number),
      'The response was not saved: The server did not answer (no connection, or it took too long). Your entries are kept; try again.',
    );
  });

  test('a message without its own full stop keeps the template’s, and numbers are formatted', () => {
    assert.equal(fill('Saved: {message}. Done', { message: 'HTTP 500' }, number), 'Saved: HTTP 500. Done');
    assert.equal(fill('{count}. place', { count: 3 }, (value) => `#${value}`), '#3. place');
    assert.equal(fill('Left {name}.', {}, number), 'Left {name}.');
  });
});
