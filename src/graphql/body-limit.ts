// The size limit for ordinary (JSON, GET, form-encoded) GraphQL requests.
// graphql-yoga's own limit (maxRequestBodySize) applies one number to every
// request, multipart uploads included, so it is turned off: uploads are limited
// per file while they stream (src/datasets/uploads), and everything else is
// limited here, before yoga buffers and parses it.
import type { Plugin } from 'graphql-yoga';
import { isMultipart } from '../datasets/uploads/streaming-uploads.js';
import { refusal } from './errors.js';

export const MAX_OPERATION_BYTES = 1024 * 1024;

const tooLarge = () => refusal('VALIDATION_FAILED', `The request body is larger than ${MAX_OPERATION_BYTES} bytes`, { status: 413 });

export function useOperationBodyLimit(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (isMultipart(request)) return;
      const length = request.headers.get('content-length');
      if (length !== null && (!/^\d+$/.test(length) || Number(length) > MAX_OPERATION_BYTES)) throw tooLarge();
      if (!requestParser || !request.body) return;
      // Without a (truthful) Content-Length the body is counted as it is read.
      setRequestParser(async (req) => {
        let read = 0;
        // The body may be a native stream or the fetch ponyfill's; each pipes only into its own kind.
        const Transform = req.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
        const limited = req.body!.pipeThrough(
          new Transform<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              read += chunk.byteLength;
              if (read > MAX_OPERATION_BYTES) controller.error(tooLarge());
              else controller.enqueue(chunk);
            },
          }),
        );
        return requestParser(
          new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body: limited, duplex: 'half' } as RequestInit),
        );
      });
    },
  };
}
