/** Monaco, loaded from the npm package (monaco-setup.ts), as an editor or a read-only viewer. */
import Editor from '@monaco-editor/react';

interface Props {
  value: string;
  language: string;
  readOnly?: boolean;
  onChange?(value: string): void;
  label: string;
  height?: string;
}

export function CodeView({ value, language, readOnly = false, onChange, label, height = '100%' }: Props) {
  return (
    <div className="code-view" data-testid={`code-${label.toLowerCase().replace(/\s+/g, '-')}`} aria-label={label} role="group">
      <Editor
        height={height}
        language={language}
        value={value}
        theme="vs"
        onChange={(v) => onChange?.(v ?? '')}
        options={{
          readOnly,
          minimap: { enabled: false },
          fontSize: 13,
          lineNumbers: readOnly ? 'off' : 'on',
          scrollBeyondLastLine: false,
          wordWrap: 'on',
          automaticLayout: true,
          renderLineHighlight: readOnly ? 'none' : 'line',
          folding: true,
          ariaLabel: label,
        }}
      />
    </div>
  );
}

/** Picks a Monaco language for a media type. */
export function languageFor(mediaType: string): string {
  if (/json/.test(mediaType)) return 'json';
  if (/html/.test(mediaType)) return 'html';
  if (/xml/.test(mediaType)) return 'xml';
  if (/javascript/.test(mediaType)) return 'javascript';
  if (/yaml/.test(mediaType)) return 'yaml';
  return 'plaintext';
}

/** Pretty-prints JSON when it parses; anything else is shown as received. */
export function prettyBody(text: string, mediaType: string): string {
  if (!/json/.test(mediaType) && !/^\s*[[{]/.test(text)) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
