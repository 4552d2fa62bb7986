// A file that arrived in a multipart request and is already in storage. It is
// what the `File` scalar resolves to: resolvers never see the bytes, only where
// they were put. A resolver that records the file in a row claims it; files no
// resolver claimed are removed when the response goes out.
import type { StoredFile } from '../storage.js';

export class UploadedFile {
  claimed = false;

  constructor(
    readonly stored: StoredFile,
    /** The client's file name, sanitised: display data only, never a path. */
    readonly filename: string,
    readonly mimeType: string,
  ) {}

  claim(): void {
    this.claimed = true;
  }
}
