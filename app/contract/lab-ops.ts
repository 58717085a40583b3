/**
 * Operations of the lab domain (the built-in practice API, app/lab) and the shapes they return: the
 * documented routes of a running lab, and lessons, which are data files a teacher can write
 * (docs/lessons.md documents the format; the schema below is its definition).
 */
import { z } from 'zod';
import { causeIdSchema, type CauseId } from './collection';
import { operation } from './define';
import type { HeaderPair } from './exchange';

/** Which server of the lab a request goes to: the origin directly, or the reverse proxy in front of it. */
export const LAB_HOPS = ['origin', 'proxy'] as const;
export type LabHop = (typeof LAB_HOPS)[number];
export const labHopSchema = z.enum(LAB_HOPS);

/** A header the route's response promises: equal to `equals` when given, else merely present (or, with `present: false`, absent). */
export interface PromisedHeader {
  name: string;
  present: boolean;
  equals?: string;
}

/** One documented case of the lab: send this, get that, and here is why. */
export interface LabRoute {
  id: string;
  method: string;
  /** Path and query on the hop, e.g. `/v2/search?q=teapot`, or `*`. */
  path: string;
  via: LabHop;
  /** The absolute URL on the running lab. */
  url: string;
  /** Headers to send besides those every client adds (e.g. `Transfer-Encoding: foo`). */
  headers: HeaderPair[];
  /** A text body to send, or null. */
  body: string | null;
  expectedStatus: number;
  /** The 501 cause the diagnosis should rank first, or null when the status is not a 501 (or has no cause). */
  cause: CauseId | null;
  expectHeaders: PromisedHeader[];
  title: string;
  explanation: string;
  /** Where the rule is written, e.g. `RFC 9110 §15.6.2`. */
  rfc: string;
}

export interface LabInfo {
  originUrl: string;
  proxyUrl: string;
  routes: LabRoute[];
}

export const LESSON_SCHEMA = 'statuscope/lesson@1';

const headerRow = z.object({ name: z.string().min(1), value: z.string() }).strict();

export const lessonRequestSchema = z
  .object({
    via: labHopSchema,
    method: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, 'a method is a token (RFC 9110 §9.1)'),
    path: z
      .string()
      .regex(/^(\/[^\s]*|\*)$/, 'a path starts with / (or is * for OPTIONS *) and has no spaces'),
    headers: z.array(headerRow).default([]),
    body: z.string().optional(),
  })
  .strict();
export type LessonRequest = z.infer<typeof lessonRequestSchema>;

const statusCode = z.number().int().min(100).max(599);

export const lessonStepSchema = z
  .object({
    title: z.string().min(1),
    /** What to do: shown above the pre-filled request. */
    instruction: z.string().min(1),
    request: lessonRequestSchema,
    predict: z
      .object({
        question: z.string().min(1).default('Which status will come back?'),
        choices: z.array(statusCode).min(2).max(6),
      })
      .strict(),
    expect: z.object({ status: statusCode, cause: causeIdSchema.nullable().default(null) }).strict(),
    /** Shown once the response is in: why this status, from this hop. */
    explanation: z.string().min(1),
  })
  .strict()
  .refine((step) => step.predict.choices.includes(step.expect.status), {
    message: 'predict.choices must include expect.status',
    path: ['predict', 'choices'],
  });
export type LessonStep = z.infer<typeof lessonStepSchema>;

export const lessonSchema = z
  .object({
    schema: z.literal(LESSON_SCHEMA),
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lesson id is lower-case words joined by -'),
    title: z.string().min(1),
    /** Sorts lessons in the list (ascending). */
    order: z.number().int().default(100),
    /** What the learner will find out, in a sentence or two. */
    summary: z.string().min(1),
    steps: z.array(lessonStepSchema).min(1),
    rule: z
      .object({
        /** The rule learned, in plain words. */
        text: z.string().min(1),
        /** Where it is written: at least one RFC section, e.g. `RFC 9110 §15.6.2`. */
        rfc: z.array(z.string().regex(/^RFC \d+ §[\d.]+$/, 'cite as "RFC 9110 §15.6.2"')).min(1),
      })
      .strict(),
  })
  .strict();
export type Lesson = z.infer<typeof lessonSchema>;

/** A lesson file that could not be used, with where and why. */
export interface LessonProblem {
  file: string;
  message: string;
  line?: number;
}

export const labOps = {
  /** Starts the lab (origin + proxy on 127.0.0.1) or returns the one already running in this process. */
  'lab:start': operation<LabInfo>()(z.object({})),
  /** The shipped lessons plus any in the data dir's `lessons/` folder, parsed; broken files are listed, not fatal. */
  'lab:lessons': operation<{ lessons: Lesson[]; problems: LessonProblem[] }>()(z.object({})),
};

export interface LabEvents {}
