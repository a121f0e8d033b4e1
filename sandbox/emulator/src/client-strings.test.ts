import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CLIENT_STRINGS, clientLanguage, clientStrings, russianPlural } from './client-strings.ts';

/** Every leaf of a dictionary by its path, with what kind of thing it is (a string or a function). */
function leaves(value: object, path = ''): string[] {
  return Object.entries(value).flatMap(([key, leaf]) =>
    typeof leaf === 'object' && leaf !== null
      ? leaves(leaf, `${path}${key}.`)
      : [`${path}${key}: ${typeof leaf}`],
  );
}

describe('the client’s strings', () => {
  test('English and Russian have the same keys, each a string or a function in both', () => {
    assert.deepEqual(leaves(CLIENT_STRINGS.ru).sort(), leaves(CLIENT_STRINGS.en).sort());
    for (const [language, strings] of Object.entries(CLIENT_STRINGS))
      for (const leaf of leaves(strings)) assert.doesNotMatch(leaf, /: undefined$/, `${language} ${leaf}`);
  });

  test('sentences with a price or a name keep them, in both languages', () => {
    const price = { price: 100 };
    for (const strings of Object.values(CLIENT_STRINGS)) {
      assert.ok(strings.payment.transferred(price, 'Polygram').includes(price));
      assert.match(strings.payment.transferred(price, 'Polygram').join(''), /Polygram/);
      assert.ok(strings.payment.refunded('Polygram', price).includes(price));
      assert.ok(strings.payment.pay(price).includes(price));
      assert.ok(strings.invoice.pay(price).includes(price));
      assert.ok(strings.composer.replyTo(price, 'hello').includes(price));
    }
    const ru = CLIENT_STRINGS.ru;
    assert.equal(
      ru.payment.transferred('⭐100', 'Polygram').join(''),
      'Вы успешно перевели ⭐100 для Polygram',
    );
    assert.equal(ru.payment.refunded('Polygram', '⭐100').join(''), 'Polygram вернул ⭐100');
  });

  test('the Russian count of new messages takes the form Russian needs', () => {
    const { newMessages } = CLIENT_STRINGS.ru.chat;
    const forms: [number, string][] = [
      [1, '1 новое сообщение'],
      [2, '2 новых сообщения'],
      [4, '4 новых сообщения'],
      [5, '5 новых сообщений'],
      [11, '11 новых сообщений'],
      [12, '12 новых сообщений'],
      [14, '14 новых сообщений'],
      [21, '21 новое сообщение'],
      [22, '22 новых сообщения'],
      [25, '25 новых сообщений'],
      [101, '101 новое сообщение'],
      [111, '111 новых сообщений'],
    ];
    for (const [count, text] of forms) assert.equal(newMessages(count), text);
    assert.equal(CLIENT_STRINGS.en.chat.newMessages(1), '1 new message');
    assert.equal(CLIENT_STRINGS.en.chat.newMessages(21), '21 new messages');
    assert.equal(russianPlural(0, { one: 'a', few: 'b', many: 'c' }), 'c');
  });

  test('the user’s language_code picks the language: Russian for ru, English for anything else', () => {
    assert.equal(clientLanguage('ru'), 'ru');
    assert.equal(clientLanguage('ru-RU'), 'ru');
    for (const code of ['en', 'de', 'uk', undefined]) assert.equal(clientLanguage(code), 'en');
    assert.equal(clientStrings('ru').media.download, 'Скачать');
    assert.equal(clientStrings('uk').media.download, 'Download');
  });
});
