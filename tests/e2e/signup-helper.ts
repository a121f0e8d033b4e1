import { Chat } from './chat.ts';
import type { Stack } from './stack.ts';

/** Signs a person up through the user bot the way they would (email skipped), returning their chat. */
export async function signUp(
  stack: Stack,
  user: { id: number; firstName: string; username?: string; language: 'ru' | 'en' },
): Promise<Chat> {
  await stack.telegram.upsertUser({
    id: user.id,
    first_name: user.firstName,
    username: user.username,
    language_code: user.language,
  });
  const chat = new Chat(stack.telegram, stack.userBot.token, user.id);
  await chat.send('/start');
  await chat.expect(user.language === 'ru' ? 'Выберите язык' : 'Choose your language');
  await chat.press(user.language === 'ru' ? 'Русский' : 'English');
  await chat.expect(user.language === 'ru' ? 'условия' : 'terms');
  await chat.press(user.language === 'ru' ? 'Принимаю' : 'I accept');
  await chat.expect(user.language === 'ru' ? 'Добавьте адрес' : 'Add an email');
  await chat.press(user.language === 'ru' ? 'Пропустить' : 'Skip');
  await chat.expect(user.language === 'ru' ? 'Главное меню' : 'Main menu');
  return chat;
}
