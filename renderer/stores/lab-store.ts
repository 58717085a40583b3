/** The built-in lab (started on first use), its routes, the lessons, and the learner's progress. */
import { create } from 'zustand';
import type { AppError } from '../../app/common/result';
import type { LabInfo, Lesson, LessonStep } from '../../app/contract/lab-ops';
import { call } from '../host';
import { useRawStore } from './raw-store';
import { headerRows, useRequestStore } from './request-store';

export type Prediction = number | undefined;

interface LabState {
  lab?: LabInfo;
  lessons: Lesson[];
  error?: AppError;
  lessonId?: string;
  stepIndex: number;
  prediction: Prediction;
  /** The exchange id sent for the current step; its outcome is judged against the step's expectation. */
  stepExchangeId?: string;
  completed: string[];
  load(): Promise<void>;
  startLesson(id: string | undefined): void;
  predict(status: number): void;
  setStepExchange(id: string): void;
  completeStep(key: string): void;
  nextStep(): void;
}

export function labUrl(lab: LabInfo, via: 'origin' | 'proxy', path: string): string {
  const base = via === 'proxy' ? lab.proxyUrl : lab.originUrl;
  return path === '*' ? base : `${base.replace(/\/$/, '')}${path}`;
}

/** Loads a lesson step's request into the editor (client mode). */
export function loadStep(lab: LabInfo, step: LessonStep): void {
  useRawStore.getState().setEnabled(false);
  useRequestStore.getState().load({
    name: step.title,
    method: step.request.method,
    url: labUrl(lab, step.request.via, step.request.path),
    headers: headerRows(step.request.headers.map((h): [string, string] => [h.name, h.value])),
    ...(step.request.body !== undefined ? { body: { kind: 'text', text: step.request.body, fields: [], filePath: '' } } : {}),
  });
}

export const useLabStore = create<LabState>()((set, get) => ({
  lessons: [],
  stepIndex: 0,
  prediction: undefined,
  completed: [],
  load: async () => {
    const [lab, lessons] = await Promise.all([call('lab:start', {}), call('lab:lessons', {})]);
    if (lab.ok) set({ lab: lab.value });
    else set({ error: lab.error });
    if (lessons.ok) set({ lessons: [...lessons.value.lessons].sort((a, b) => a.order - b.order) });
  },
  startLesson: (lessonId) => {
    set({ lessonId, stepIndex: 0, prediction: undefined, stepExchangeId: undefined });
    const lesson = get().lessons.find((l) => l.id === lessonId);
    const lab = get().lab;
    if (lesson?.steps[0] && lab) loadStep(lab, lesson.steps[0]);
  },
  predict: (prediction) => set({ prediction }),
  setStepExchange: (stepExchangeId) => set({ stepExchangeId }),
  completeStep: (key) => set((s) => (s.completed.includes(key) ? s : { completed: [...s.completed, key] })),
  nextStep: () => {
    const { lessons, lessonId, stepIndex, lab } = get();
    const lesson = lessons.find((l) => l.id === lessonId);
    const next = stepIndex + 1;
    set({ stepIndex: next, prediction: undefined, stepExchangeId: undefined });
    const step = lesson?.steps[next];
    if (step && lab) loadStep(lab, step);
  },
}));
