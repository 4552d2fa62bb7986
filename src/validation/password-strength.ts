// What makes a new password too weak to accept: the guesses an attacker tries
// first. Not a strength meter; each rule names a refusal a user can act on.

// The most used passwords of public breach lists (lower case, and each also
// refused with digits or punctuation after it: "password1", "qwerty123!").
const common = new Set([
  'password',
  'passw0rd',
  'p@ssword',
  'p@ssw0rd',
  'qwerty',
  'qwertyui',
  'qwertyuiop',
  'azerty',
  'asdfgh',
  'asdfghjk',
  'zxcvbnm',
  'iloveyou',
  'letmein',
  'welcome',
  'admin',
  'administrator',
  'changeme',
  'secret',
  'monkey',
  'dragon',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'superman',
  'batman',
  'trustno1',
  'master',
  'shadow',
  'michael',
  'jennifer',
  'computer',
  'whatever',
  'starwars',
  'freedom',
  'default',
  'login',
  'test',
  'testtest',
  'guest',
  'hello',
  'abc',
  'abcd',
  'qazwsx',
  '1q2w3e4r',
  '1qaz2wsx',
]);

/** Each character one step up or down from the one before ("12345678", "hgfedcba"), or one character repeated. */
function isRunOrRepeat(text: string): boolean {
  const codes = [...text].map((c) => c.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((code, i) => code - codes[i]!));
  return steps.size === 1 && [...steps].every((step) => Math.abs(step) <= 1);
}

/** Why `password` is refused as a new password of the account `email`, or undefined when it is acceptable. */
export function weakPasswordReason(password: string, email?: string): string | undefined {
  const visible = password.replace(/\s/gu, '');
  if ([...visible].length < 8) return 'must have at least 8 characters that are not spaces';
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4 || isRunOrRepeat(lower)) return 'is too easy to guess (a run or a repetition of characters)';
  if (common.has(lower.replace(/[\d\W_]+$/u, ''))) return 'is one of the most used passwords';
  // Dates, phone numbers, PINs: guessed by enumeration.
  if (/^\d+$/u.test(visible) && visible.length < 12) return 'must not be fewer than 12 digits alone';
  if (email) {
    const address = email.toLowerCase();
    const local = address.split('@')[0]!;
    if (
      lower === address ||
      lower === local ||
      lower.includes(address) ||
      (local.length >= 4 && lower.replace(/[\d\W_]+$/u, '') === local)
    ) {
      return 'must not be your email address';
    }
  }
  return undefined;
}
