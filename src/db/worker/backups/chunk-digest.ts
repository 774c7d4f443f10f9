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

/** Hashes every chunk `source` yields (before handing it on), and says the file's checksum at its end. */
export function digesting(source: ChunkSource): { source: ChunkSource; digests: string[]; size(): number } {
  const digests: string[] = [];
  let size = 0;
  return {
    digests,
    size: () => size,
    source: async () => {
      const chunk = await source();
      if (chunk) {
        digests.push(await sha256Hex(chunk));
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
  return digestOfDigests(hashed.digests);
}
