/** Raw mode: bytes typed as text (lines end in CRLF on the wire), sent to the URL's host and port. */
import { create } from 'zustand';

interface RawState {
  enabled: boolean;
  text: string;
  setEnabled(enabled: boolean): void;
  setText(text: string): void;
}

export const RAW_TEMPLATE = 'POST /upload HTTP/1.1\nHost: 127.0.0.1\nTransfer-Encoding: foo\n\nhello';

export const useRawStore = create<RawState>()((set) => ({
  enabled: false,
  text: RAW_TEMPLATE,
  setEnabled: (enabled) => set({ enabled }),
  setText: (text) => set({ text }),
}));
