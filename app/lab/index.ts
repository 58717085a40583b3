/** The lab's public surface (README.md describes each file). */
export { startLab, DEFAULT_UPSTREAM_TIMEOUT_MS, type Lab, type LabOptions } from './lab';
export { sharedLab, stopSharedLab } from './shared';
export { labCollection, LAB_PROXY_VARIABLE, LAB_VARIABLE, type LabCollection } from './collection';
export { loadLessons, parseLesson, runLessonRequest, lessonRequestUrl, shippedLessonsDir } from './lessons';
export { sendToLab, labRequestBytes, type LabRequestSpec } from './lab-request';
export { labRoutes } from './routes';
export { ORIGIN_METHODS, ORIGIN_SERVER } from './origin-resources';
export { PROXY_METHODS } from './proxy';
export { PROXY_NAME, PROXY_SERVER, PROXY_VIA } from './proxy-pages';
export type { LabInfo, LabRoute, Lesson, LessonStep, LessonProblem } from '../contract/lab-ops';
