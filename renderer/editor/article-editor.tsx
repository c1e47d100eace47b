/**
 * The article in a Lexical editor: one paragraph per line of the canonical text, read-only
 * (no editing plugin is loaded, and read-only-guard.ts cancels native input) but with a working caret so text can be selected with the keyboard. When the text is on
 * screen it hands its parent a TextMap to paint highlights and read the selection.
 */
import { useLayoutEffect } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { paragraphs } from '../../shared/text/canonical-text';
import { registerReadOnlyGuard } from './read-only-guard';
import { buildTextMap, type TextMap } from './text-map';

interface Props {
  text: string;
  label: string;
  lang: string;
  onTextMap: (map: TextMap | null) => void;
}

function TextMapPlugin({ text, onTextMap }: Pick<Props, 'text' | 'onTextMap'>) {
  const [editor] = useLexicalComposerContext();
  // before the browser paints: the first frame of the text already has its highlights
  useLayoutEffect(() => {
    const paras = paragraphs(text);
    const compute = () => {
      const root = editor.getRootElement();
      if (root) onTextMap(buildTextMap(Array.from(root.querySelectorAll(':scope > .glose-block')), paras));
    };
    compute();
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) compute();
    });
    const guard = registerReadOnlyGuard(editor, () => text);
    return () => {
      stop();
      guard();
      onTextMap(null);
    };
  }, [editor, text, onTextMap]);
  return null;
}

export function ArticleEditor({ text, label, lang, onTextMap }: Props) {
  const initialConfig = {
    namespace: 'glose-article',
    theme: { paragraph: 'glose-block' },
    onError: (error: Error) => console.error(error),
    editorState: () => {
      const root = $getRoot();
      for (const p of paragraphs(text)) root.append($createParagraphNode().append($createTextNode(text.slice(p.start, p.end))));
    },
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      {/* no RichText/PlainText plugin: nothing registers the commands that would edit the text */}
      <ContentEditable className="article-text" aria-label={label} aria-readonly="true" lang={lang} spellCheck={false} />
      <TextMapPlugin text={text} onTextMap={onTextMap} />
    </LexicalComposer>
  );
}
