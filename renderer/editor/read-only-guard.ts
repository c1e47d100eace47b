/**
 * Keeps the article text read-only while the caret and keyboard selection still work: the
 * editor stays contenteditable (so Shift+arrows select text), every input event is cancelled
 * before it reaches the DOM, and any change that slips through (an IME composition cannot be
 * cancelled) is rolled back to the previous editor state.
 */
import { mergeRegister } from '@lexical/utils';
import { $getRoot, type LexicalEditor } from 'lexical';

export function registerReadOnlyGuard(editor: LexicalEditor, canonical: () => string): () => void {
  const cancel = (event: Event) => event.preventDefault();
  return mergeRegister(
    editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('beforeinput', cancel, true);
      previous?.removeEventListener('drop', cancel, true);
      previous?.removeEventListener('paste', cancel, true);
      previous?.removeEventListener('cut', cancel, true);
      root?.addEventListener('beforeinput', cancel, true);
      root?.addEventListener('drop', cancel, true);
      root?.addEventListener('paste', cancel, true);
      root?.addEventListener('cut', cancel, true);
    }),
    editor.registerUpdateListener(({ editorState, prevEditorState, dirtyLeaves, dirtyElements }) => {
      if (dirtyLeaves.size === 0 && dirtyElements.size === 0) return;
      const text = editorState.read(() => $getRoot().getChildren().map((c) => c.getTextContent()).filter(Boolean).join('\n'));
      const expected = canonical().split('\n').filter(Boolean).join('\n');
      if (text !== expected && !prevEditorState.isEmpty()) editor.setEditorState(prevEditorState);
    }),
  );
}
