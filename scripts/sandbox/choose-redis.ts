import type { TProber } from './probe-services.ts';

/**
 * Which Redis the sandbox uses: one that answers (REDIS_URL, or the sandbox's own port, left running by
 * an earlier run that was killed), else a `redis-server` from PATH that the sandbox starts and stops.
 * Redis has no embeddable npm build, so without either the sandbox stops and says how to get one. Not
 * `docker compose up redis`: docker-compose.yml is the production stack, whose Redis publishes no port (and
 * compose refuses the file without POSTGRES_PASSWORD in .env).
 */
export type TRedisChoice =
  | { kind: 'found'; url: string; where: 'configured' | 'earlier-local' }
  | { kind: 'local'; url: string; port: number; binary: string; why: string }
  | { kind: 'fail'; message: string };

export const HOW_TO_GET_REDIS = [
  'Install Redis, and the sandbox starts and stops it by itself:',
  '  Debian/Ubuntu:  sudo apt install redis-server',
  '  macOS:          brew install redis',
  'or run one in Docker (the sandbox finds it on the default port):',
  '  docker run -d --name polygram-redis -p 127.0.0.1:6379:6379 redis:7',
  'or point REDIS_URL at one you have: REDIS_URL=redis://HOST:PORT npm run sandbox',
].join('\n');

export const localRedisUrl = (port: number) => `redis://127.0.0.1:${port}`;

export async function chooseRedis(input: {
  redisUrl: string;
  fromEnv: boolean;
  localPort: number;
  probe: TProber;
  /** The path of `redis-server` on PATH, or null. */
  findRedisServer: () => Promise<string | null>;
}): Promise<TRedisChoice> {
  const configured = await input.probe(input.redisUrl);
  if (configured.kind === 'ok') return { kind: 'found', url: input.redisUrl, where: 'configured' };
  if (configured.kind === 'refused' && input.fromEnv)
    return {
      kind: 'fail',
      message: [
        `Redis at ${input.redisUrl} (REDIS_URL) answered but refused the sandbox: ${configured.reason}`,
        'Put the password in REDIS_URL (redis://:PASSWORD@HOST:PORT), or unset REDIS_URL.',
      ].join('\n'),
    };
  const url = localRedisUrl(input.localPort);
  if (input.localPort !== 0 && (await input.probe(url)).kind === 'ok')
    return { kind: 'found', url, where: 'earlier-local' };
  const binary = await input.findRedisServer();
  if (binary)
    return {
      kind: 'local',
      url,
      port: input.localPort,
      binary,
      why: `${input.redisUrl}: ${configured.reason}`,
    };
  return {
    kind: 'fail',
    message: `No Redis answers at ${input.redisUrl} (${configured.reason}) and redis-server is not on PATH.\n\n${HOW_TO_GET_REDIS}`,
  };
}
