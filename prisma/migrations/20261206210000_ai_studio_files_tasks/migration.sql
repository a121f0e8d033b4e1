-- CreateEnum
CREATE TYPE "AiKind" AS ENUM ('text', 'image', 'video', 'audio', 'tool');

-- CreateEnum
CREATE TYPE "DialogRole" AS ENUM ('system', 'user', 'assistant');

-- CreateEnum
CREATE TYPE "AiRequestStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'canceled');

-- CreateEnum
CREATE TYPE "AiRequestSource" AS ENUM ('bot', 'miniapp');

-- CreateEnum
CREATE TYPE "FileKind" AS ENUM ('image', 'video', 'audio', 'document', 'temp');

-- CreateEnum
CREATE TYPE "FileStorage" AS ENUM ('local', 's3');

-- CreateEnum
CREATE TYPE "VideoTaskStatus" AS ENUM ('draft', 'running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "MaterialKind" AS ENUM ('video', 'audio', 'image');

-- CreateTable
CREATE TABLE "ai_models" (
    "id" TEXT NOT NULL,
    "kind" "AiKind" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "token_price" BIGINT NOT NULL,
    "updated_by" BIGINT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ai_models_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dialogs" (
    "id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "title" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "system_prompt" TEXT,
    "history_enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "deleted_at" TIMESTAMP(3),

    CONSTRAINT "dialogs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dialog_messages" (
    "id" BIGSERIAL NOT NULL,
    "dialog_id" BIGINT NOT NULL,
    "role" "DialogRole" NOT NULL,
    "content" TEXT NOT NULL,
    "tokens_used" BIGINT NOT NULL DEFAULT 0,
    "model_tokens" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dialog_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ai_user_states" (
    "user_id" BIGINT NOT NULL,
    "active_dialog_id" BIGINT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ai_user_states_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "ai_requests" (
    "id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "kind" "AiKind" NOT NULL,
    "model_id" TEXT NOT NULL,
    "source" "AiRequestSource" NOT NULL,
    "status" "AiRequestStatus" NOT NULL DEFAULT 'queued',
    "prompt" TEXT NOT NULL DEFAULT '',
    "params" JSONB NOT NULL DEFAULT '{}',
    "price" BIGINT NOT NULL,
    "charged" BIGINT NOT NULL DEFAULT 0,
    "hold_key" TEXT,
    "cache_key" TEXT,
    "cache_hit" BOOLEAN NOT NULL DEFAULT false,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "provider" TEXT,
    "provider_job_id" TEXT,
    "error_code" TEXT,
    "error_message" TEXT,
    "result_file_id" TEXT,
    "result_text" TEXT,
    "dialog_id" BIGINT,
    "task_id" BIGINT,
    "chat_id" BIGINT,
    "status_message_id" INTEGER,
    "language" "Language" NOT NULL DEFAULT 'en',
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ai_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ai_cache_entries" (
    "key" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "result_file_id" TEXT,
    "result_text" TEXT,
    "hits" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ai_cache_entries_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "stored_files" (
    "id" TEXT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "kind" "FileKind" NOT NULL,
    "storage" "FileStorage" NOT NULL,
    "storage_key" TEXT NOT NULL,
    "original_key" TEXT,
    "name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "sha256" TEXT NOT NULL,
    "compressed" BOOLEAN NOT NULL DEFAULT false,
    "expires_at" TIMESTAMP(3),
    "deleted_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "video_tasks" (
    "id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "title" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "prompt" TEXT NOT NULL DEFAULT '',
    "params" JSONB NOT NULL DEFAULT '{}',
    "status" "VideoTaskStatus" NOT NULL DEFAULT 'draft',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "deleted_at" TIMESTAMP(3),

    CONSTRAINT "video_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_materials" (
    "id" BIGSERIAL NOT NULL,
    "task_id" BIGINT NOT NULL,
    "kind" "MaterialKind" NOT NULL,
    "file_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "task_materials_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dialogs_user_id_updated_at_idx" ON "dialogs"("user_id", "updated_at");

-- CreateIndex
CREATE INDEX "dialog_messages_dialog_id_id_idx" ON "dialog_messages"("dialog_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ai_requests_hold_key_key" ON "ai_requests"("hold_key");

-- CreateIndex
CREATE INDEX "ai_requests_user_id_created_at_idx" ON "ai_requests"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "ai_requests_kind_created_at_idx" ON "ai_requests"("kind", "created_at");

-- CreateIndex
CREATE INDEX "ai_requests_task_id_created_at_idx" ON "ai_requests"("task_id", "created_at");

-- CreateIndex
CREATE INDEX "ai_requests_status_created_at_idx" ON "ai_requests"("status", "created_at");

-- CreateIndex
CREATE INDEX "ai_cache_entries_expires_at_idx" ON "ai_cache_entries"("expires_at");

-- CreateIndex
CREATE INDEX "stored_files_user_id_created_at_idx" ON "stored_files"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "stored_files_expires_at_idx" ON "stored_files"("expires_at");

-- CreateIndex
CREATE INDEX "video_tasks_user_id_updated_at_idx" ON "video_tasks"("user_id", "updated_at");

-- CreateIndex
CREATE INDEX "task_materials_task_id_position_idx" ON "task_materials"("task_id", "position");

-- AddForeignKey
ALTER TABLE "dialogs" ADD CONSTRAINT "dialogs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dialog_messages" ADD CONSTRAINT "dialog_messages_dialog_id_fkey" FOREIGN KEY ("dialog_id") REFERENCES "dialogs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_user_states" ADD CONSTRAINT "ai_user_states_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_requests" ADD CONSTRAINT "ai_requests_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_requests" ADD CONSTRAINT "ai_requests_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "video_tasks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_tasks" ADD CONSTRAINT "video_tasks_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_materials" ADD CONSTRAINT "task_materials_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "video_tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
