import type { AiKind, PrismaClient, StoredFile } from '#core/db/generated/client.ts';

/** The kinds a result file can come from (text replies have none). */
export type TGalleryKind = Exclude<AiKind, 'text'>;

export interface TGalleryItem {
  requestId: bigint;
  kind: AiKind;
  modelId: string;
  prompt: string;
  charged: bigint;
  createdAt: Date;
  file: StoredFile;
}

interface TRow {
  request_id: bigint;
  kind: AiKind;
  model_id: string;
  prompt: string;
  charged: bigint;
  request_created_at: Date;
  id: string;
  user_id: bigint;
  file_kind: StoredFile['kind'];
  storage: StoredFile['storage'];
  storage_key: string;
  original_key: string | null;
  name: string;
  mime_type: string;
  size: bigint;
  width: number | null;
  height: number | null;
  sha256: string;
  compressed: boolean;
  expires_at: Date | null;
  deleted_at: Date | null;
  created_at: Date;
}

/**
 * A page of the user's delivered results, newest first: succeeded requests whose result file is the user's
 * own and still stored (not deleted, not expired). Keyset by request id, so a result delivered while the
 * user scrolls never shifts the next page. Ask for one row more than shown to learn whether more exist.
 */
export async function galleryPage(
  db: PrismaClient,
  input: { userId: bigint; kind?: TGalleryKind; beforeId?: bigint; limit: number; now?: Date },
): Promise<TGalleryItem[]> {
  const now = input.now ?? new Date();
  // ai_requests.result_file_id has no foreign key (results outlive nothing, files expire on their own), so
  // the join also checks the file's owner: a cache hit always gets its own copy, and only that one shows.
  const rows = await db.$queryRaw<TRow[]>`
    SELECT r.id AS request_id, r.kind, r.model_id, r.prompt, r.charged, r.created_at AS request_created_at,
           f.id, f.user_id, f.kind AS file_kind, f.storage, f.storage_key, f.original_key, f.name,
           f.mime_type, f.size, f.width, f.height, f.sha256, f.compressed, f.expires_at, f.deleted_at,
           f.created_at
    FROM ai_requests r
    JOIN stored_files f ON f.id = r.result_file_id AND f.user_id = r.user_id
    WHERE r.user_id = ${input.userId}
      AND r.status = 'succeeded'
      AND (${input.kind ?? null}::text IS NULL OR r.kind::text = ${input.kind ?? null}::text)
      AND (${input.beforeId ?? null}::bigint IS NULL OR r.id < ${input.beforeId ?? null}::bigint)
      AND f.deleted_at IS NULL
      AND (f.expires_at IS NULL OR f.expires_at > ${now})
    ORDER BY r.id DESC
    LIMIT ${input.limit}`;
  return rows.map((r) => ({
    requestId: r.request_id,
    kind: r.kind,
    modelId: r.model_id,
    prompt: r.prompt,
    charged: r.charged,
    createdAt: r.request_created_at,
    file: {
      id: r.id,
      userId: r.user_id,
      kind: r.file_kind,
      storage: r.storage,
      storageKey: r.storage_key,
      originalKey: r.original_key,
      name: r.name,
      mimeType: r.mime_type,
      size: r.size,
      width: r.width,
      height: r.height,
      sha256: r.sha256,
      compressed: r.compressed,
      expiresAt: r.expires_at,
      deletedAt: r.deleted_at,
      createdAt: r.created_at,
    },
  }));
}
