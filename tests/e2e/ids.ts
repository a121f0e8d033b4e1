let counter = 0;
/** A Telegram user id no other test file of this run uses. */
export const uniqueUserId = (): number =>
  5_000_000_000 +
  (process.pid % 10_000) * 100_000 +
  Math.floor(Math.random() * 1000) * 100 +
  (counter++ % 100);
