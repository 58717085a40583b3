/** Generated text (code, HAR, Postman JSON) with Copy and Download. */
import { useState } from 'react';
import { CodeView } from '../code-view';

export function download(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function TextOutput({
  text,
  language,
  filename,
  label,
}: {
  text: string;
  language: string;
  filename: string;
  label: string;
}) {
  const [note, setNote] = useState<string>();
  return (
    <div className="text-output">
      <div className="button-row">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(text).then(
              () => setNote('Copied.'),
              () => setNote('The clipboard is not available here; select the text and copy it.'),
            )
          }
        >
          Copy
        </button>
        <button type="button" onClick={() => download(filename, text)}>
          Download {filename}
        </button>
        {note && <span role="status">{note}</span>}
      </div>
      <div className="editor-box tall">
        <CodeView label={label} readOnly language={language} value={text} />
      </div>
    </div>
  );
}
