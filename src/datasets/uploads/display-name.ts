// The user's file name is kept only to show it back. Whatever the client sent
// (paths, control characters, right-to-left overrides, 10 kB of text) becomes a
// short, printable name.
const MAX_LENGTH = 255;

export function displayFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    // C0/C1 controls and the bidirectional formatting characters that can disguise an extension.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const named = clean === '' || clean === '.' || clean === '..' ? 'upload' : clean;
  return Array.from(named).slice(0, MAX_LENGTH).join('');
}

/** The display name without its extension, as a default dataset name. */
export function datasetNameFrom(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}
