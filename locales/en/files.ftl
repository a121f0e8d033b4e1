# Files: uploads and downloads (core/files/, server/routes/files/). HTTP API errors first, then the bots'.
api-error-file-too-large = The file is too large. The limit is { $limitMb } MB.
api-error-image-too-large = The image is too large. The limit is { $limitMegapixels } megapixels.
api-error-file-type-not-allowed = Files of this type can't be uploaded. Use JPEG, PNG or WebP images, MP4, MOV or WebM videos, MP3, M4A, OGG, WAV or FLAC audio, or PDF, TXT, CSV, JSON or ZIP documents.
api-error-file-type-mismatch = The file's contents don't match its type. It may be damaged or have the wrong extension.
api-error-file-url-invalid = This link has expired or is not valid. Open the file again from the app.

error-file-too-large = The file is too large. The limit is { $limitMb } MB.
error-image-too-large = The image is too large. The limit is { $limitMegapixels } megapixels.
error-file-type-not-allowed = Files of this type aren't accepted.
error-file-type-mismatch = The file's contents don't match its type. It may be damaged.
