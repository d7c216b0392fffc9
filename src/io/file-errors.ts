/** Operating-system file errors in words, for the messages of the writers and the runner. */

/** What an operating-system error code means, in words. */
const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EEXIST: 'a file is in the way',
};

/** `error`'s code in words, with the code (`no such file (ENOENT)`). */
export function fileErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === undefined ? String(error) : `${FILE_ERRORS[code] ?? 'cannot be used'} (${code})`;
}
