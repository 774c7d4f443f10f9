/**
 * A file's checksum, streamed: WebCrypto has no incremental SHA-256, so a file is hashed 1 MiB chunk by chunk
 * and its checksum is the SHA-256 of those chunk digests. The digests of what was written are compared with
 * those of what is read back, chunk by chunk, so no more than one chunk is ever in memory. Backups written
 * before this scheme carry the SHA-256 of the whole file (`digestKind` absent).
 */
import { sha256Hex } from '../../../lib/sha256';
import { CHUNK_BYTES, readWhole, type PlainFiles } from '../storage/plain-files';
import type { ChunkSource } from '../storage/database-files';

/** The `digestKind` of a checksum over 1 MiB chunks. */
export const CHUNKED_DIGEST = 'sha256-of-1MiB-chunks' as const;

/** The checksum of a file from its chunk digests, in order. */
export const digestOfDigests = (digests: readonly string[]): Promise<string> => sha256Hex(digests.join('\n'));

/**
 * Hashes every chunk `source` yields as it hands it on, and says the file's checksum at its end. WebCrypto copies
 * a chunk when it is called and hashes it off this thread, so the caller writes the chunk (and reads the next)
 * while it is hashed; the chunk may be refilled at once.
 */
export function digesting(source: ChunkSource): { source: ChunkSource; size(): number; checksum(): Promise<string> } {
  const digests: Promise<string>[] = [];
  let size = 0;
  return {
    size: () => size,
    checksum: async () => digestOfDigests(await Promise.all(digests)),
    source: async () => {
      const chunk = await source();
      if (chunk) {
        const digest = sha256Hex(chunk);
        digest.catch(() => undefined); // met by checksum()
        digests.push(digest);
        size += chunk.length;
      }
      return chunk;
    },
  };
}

/** The checksum of plain file `name` in the scheme `kind` names, or null when the file is missing. */
export async function fileDigest(files: PlainFiles, name: string, kind: typeof CHUNKED_DIGEST | undefined): Promise<string | null> {
  if (kind !== CHUNKED_DIGEST) {
    const bytes = await readWhole(files, name);
    return bytes ? sha256Hex(bytes) : null;
  }
  const reader = await files.read(name, CHUNK_BYTES, true);
  if (!reader) return null;
  const hashed = digesting(reader.source);
  try {
    while (await hashed.source());
  } finally {
    reader.close();
  }
  return hashed.checksum();
}
