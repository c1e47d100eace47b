/** An assignment's instructions with their light formatting (light-text.ts), rendered as text: never as HTML. */
import { blocks, type Run } from './light-text';

function Runs({ runs }: { runs: Run[] }) {
  return runs.map((r, i) => (r.em ? <em key={i}>{r.text}</em> : <span key={i}>{r.text}</span>));
}

export function Instructions({ text }: { text: string }) {
  return (
    <div className="instructions">
      {blocks(text).map((b, i) =>
        b.type === 'list' ? (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>
                <Runs runs={item} />
              </li>
            ))}
          </ul>
        ) : (
          <p key={i}>
            {b.lines.map((line, j) => (
              <span key={j}>
                {j > 0 && <br />}
                <Runs runs={line} />
              </span>
            ))}
          </p>
        ),
      )}
    </div>
  );
}
