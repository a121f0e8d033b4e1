// POST /v1/audio/transcriptions (and /translations), POST /v1/audio/speech.
//
// A transcript is the text of a `SAY:<text>` marker in the uploaded bytes (spoken-text-marker.ts),
// else `Stand-in transcript of <N> bytes of audio.`; translations answer the same. Durations are
// read from WAV headers, otherwise estimated at 16 kB a second. Response formats json, text,
// verbose_json, srt and vtt are produced; whisper-1 reports usage in seconds, the GPT transcribe
// models in tokens, as OpenAI does. Voices are not checked against OpenAI's list, which keeps growing.
import { z } from 'zod';
import { bodyFields, bodyFiles, type TIncomingBody } from './incoming-body.ts';
import { modelNotFound, openAiError, type TOpenAiReply, validationError } from './openai-errors.ts';
import { SPEECH_FORMATS, synthesizeSpeech } from './speech-audio.ts';
import { findSpokenText } from './spoken-text-marker.ts';
import { wavDurationSeconds } from './wav-audio.ts';

export type TAudioContext = { knownModel(model: string): boolean };

const ZTranscriptionRequestSchema = z.looseObject({
  model: z.string().min(1),
  response_format: z.enum(['json', 'text', 'srt', 'verbose_json', 'vtt']).default('json'),
  language: z.string().optional(),
});

const ZSpeechRequestSchema = z.looseObject({
  model: z.string().min(1),
  input: z.string().min(1).max(4096),
  voice: z.string().min(1),
  response_format: z.enum(SPEECH_FORMATS).default('mp3'),
  speed: z.number().min(0.25).max(4).default(1),
  instructions: z.string().optional(),
});

export function transcribe(ctx: TAudioContext, body: TIncomingBody): TOpenAiReply {
  const fields = bodyFields(body);
  const parsed = ZTranscriptionRequestSchema.safeParse(fields);
  if (!parsed.success) return validationError(parsed.error, fields);
  const request = parsed.data;
  if (!ctx.knownModel(request.model)) return modelNotFound(request.model);
  const file = bodyFiles(body, 'file')[0];
  if (file === undefined) {
    return openAiError(400, "Missing required parameter: 'file'.", {
      param: 'file',
      code: 'missing_required_parameter',
    });
  }
  const text = findSpokenText(file.bytes) ?? `Stand-in transcript of ${file.bytes.length} bytes of audio.`;
  const seconds = wavDurationSeconds(file.bytes) ?? file.bytes.length / 16_000;
  switch (request.response_format) {
    case 'text':
      return { kind: 'text', status: 200, contentType: 'text/plain; charset=utf-8', text: `${text}\n` };
    case 'srt':
      return {
        kind: 'text',
        status: 200,
        contentType: 'text/plain; charset=utf-8',
        text: `1\n${cueTimes(seconds, ',')}\n${text}\n\n`,
      };
    case 'vtt':
      return {
        kind: 'text',
        status: 200,
        contentType: 'text/vtt; charset=utf-8',
        text: `WEBVTT\n\n${cueTimes(seconds, '.')}\n${text}\n\n`,
      };
    case 'verbose_json':
      return {
        kind: 'json',
        status: 200,
        body: {
          task: 'transcribe',
          language: request.language ?? 'english',
          duration: seconds,
          text,
          segments: [
            {
              id: 0,
              seek: 0,
              start: 0,
              end: seconds,
              text,
              tokens: [],
              temperature: 0,
              avg_logprob: -0.2,
              compression_ratio: 1,
              no_speech_prob: 0.01,
            },
          ],
          usage: { type: 'duration', seconds: Math.ceil(seconds) },
        },
      };
    case 'json':
      return {
        kind: 'json',
        status: 200,
        body: { text, usage: transcriptionUsage(request.model, seconds, text) },
      };
  }
}

export function speak(ctx: TAudioContext, body: TIncomingBody): TOpenAiReply {
  const fields = bodyFields(body);
  const parsed = ZSpeechRequestSchema.safeParse(fields);
  if (!parsed.success) return validationError(parsed.error, fields);
  const request = parsed.data;
  if (!ctx.knownModel(request.model)) return modelNotFound(request.model);
  const audio = synthesizeSpeech({
    text: request.input,
    voice: request.voice,
    format: request.response_format,
    speed: request.speed,
  });
  return { kind: 'bytes', status: 200, ...audio };
}

function transcriptionUsage(model: string, seconds: number, text: string) {
  if (model.startsWith('whisper')) return { type: 'duration', seconds: Math.ceil(seconds) };
  // GPT transcribe models bill audio at about 10 tokens a second.
  const audioTokens = Math.ceil(seconds * 10);
  const outputTokens = Math.ceil(text.length / 4);
  return {
    type: 'tokens',
    input_tokens: audioTokens,
    input_token_details: { text_tokens: 0, audio_tokens: audioTokens },
    output_tokens: outputTokens,
    total_tokens: audioTokens + outputTokens,
  };
}

/** One cue over the whole clip, `00:00:00,000 --> 00:00:03,250` (SRT) or with a dot (WebVTT). */
function cueTimes(seconds: number, separator: string): string {
  const stamp = (s: number) => {
    const ms = Math.round(s * 1000);
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
  };
  return `${stamp(0)} --> ${stamp(seconds)}`;
}
