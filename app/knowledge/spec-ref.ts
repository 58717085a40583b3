/**
 * Citations are plain strings in one of two shapes, checked by tests so a typo in the data cannot ship:
 *   `RFC 9110 §15.6.2`                        an RFC and a section (digits joined by dots, or an appendix letter)
 *   `draft-ietf-httpbis-resumable-upload-05`  an Internet-Draft revision, for registrations with no RFC yet
 */
import type { SpecRef } from './types';

const RFC_REF = /^RFC ([1-9]\d{0,4}) §((?:\d+|[A-Z])(?:\.\d+)*)$/;
const DRAFT_REF = /^(draft-[a-z0-9]+(?:-[a-z0-9]+)+-\d{2})$/;

export function isWellFormedRef(ref: string): boolean {
  return RFC_REF.test(ref) || DRAFT_REF.test(ref);
}

/** The RFC number a citation names, or null for a draft. */
export function rfcNumberOf(ref: SpecRef): number | null {
  const m = RFC_REF.exec(ref);
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** Where a reader can open the cited text: the RFC Editor's HTML, anchored at the section. */
export function refUrl(ref: SpecRef): string | null {
  const rfc = RFC_REF.exec(ref);
  if (rfc?.[1] !== undefined && rfc[2] !== undefined) {
    const section = /^[A-Z]/.test(rfc[2]) ? `appendix-${rfc[2]}` : `section-${rfc[2]}`;
    return `https://www.rfc-editor.org/rfc/rfc${rfc[1]}.html#${section}`;
  }
  const draft = DRAFT_REF.exec(ref);
  if (draft?.[1] !== undefined) return `https://datatracker.ietf.org/doc/html/${draft[1]}`;
  return null;
}
