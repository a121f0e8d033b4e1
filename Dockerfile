# syntax=docker/dockerfile:1
#
# Production image of Polygram. Stages:
#   deps      all dependencies (dev included), Prisma client generated, Prisma schema engine fetched
#   build     Mini App bundle (dist/miniapp) and generated Prisma client (core/db/generated)
#   migrate   one-shot `npm run db:migrate`; the Prisma CLI is a dev dependency, so it lives here
#   prod-deps production dependencies only
#   runtime   the app (`npm start`) and the worker (`npm run worker`); the default target
#
#   docker build -t polygram .                              # runtime image
#   docker build -t polygram-migrate --target migrate .     # migration image
#
# The app runs TypeScript directly with tsx (a runtime dependency), so there is no compile step
# for the server code: the runtime image carries the source. sandbox/, tests/, bench/ and test
# files never reach any stage (see .dockerignore).

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
# openssl: Prisma picks the build of its schema engine by the libssl it detects, and slim
# images lack the openssl binary it probes with. ca-certificates: TLS to Telegram and SMTP.
RUN apt-get update \
  && apt-get install -y --no-install-recommends openssl ca-certificates \
  && rm -rf /var/lib/apt/lists/*
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
  NPM_CONFIG_FUND=false \
  NPM_CONFIG_AUDIT=false \
  CHECKPOINT_DISABLE=1 \
  PRISMA_HIDE_UPDATE_MESSAGE=1

# NODE_ENV stays unset until the last stages: with NODE_ENV=production `npm ci` would skip the
# dev dependencies the build needs.
FROM base AS deps
# Only what `npm ci` needs, so source edits do not invalidate the dependency layer. The
# package's postinstall runs `prisma generate`, which reads the config and the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN --mount=type=cache,target=/root/.npm npm ci
# Downloads the schema engine into node_modules/@prisma/engines at build time (a no-op when
# npm's postinstall already did): the migrate container then needs neither network access to
# binaries.prisma.sh nor write access to node_modules.
RUN npx prisma version

FROM deps AS build
COPY . .
# prisma generate (core/db/generated) + vite build (dist/miniapp).
RUN npm run build

FROM deps AS migrate
ENV NODE_ENV=production
USER node
CMD ["npm", "run", "db:migrate"]

FROM base AS prod-deps
COPY package.json package-lock.json ./
# --ignore-scripts: the package's postinstall (`prisma generate`) is not wanted here, the
# generated client is copied from the build stage instead.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts

FROM base AS runtime
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=3000
COPY --from=prod-deps /app/node_modules ./node_modules
COPY . .
COPY --from=build /app/dist ./dist
COPY --from=build /app/core/db/generated ./core/db/generated
# Everything above stays owned by root: the app user can read the code but not rewrite it. Only
# storage/ (uploads, results, analytics exports; a shared volume in docker-compose.yml) is writable.
RUN mkdir -p /app/storage && chown node:node /app/storage
USER node
EXPOSE 3000
# Slim images have no curl; Node 20's global fetch does the probe. Shell form so that a PORT
# set at run time is honoured.
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:${PORT:-3000}/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["npm", "start"]
