import type { ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';
import type { Async } from './hooks';

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : JSON.stringify(e);
}

export function ErrorBox({ error, what }: { error: unknown; what: string }) {
  return (
    <div class="error" role="alert">
      <strong>Could not load {what}:</strong> {errorText(error)}
    </div>
  );
}

/** Shows loading / error states of an async value, else renders `children(data)`. */
export function Loaded<T>({ value, what, children }: { value: Async<T>; what: string; children: (data: T) => ComponentChildren }) {
  if (value.error !== undefined) return <ErrorBox error={value.error} what={what} />;
  if (value.data === undefined) return <p class="muted" role="status">Loading {what}…</p>;
  return <>{children(value.data)}</>;
}

export function Card({ title, children, actions, id }: { title: string; children: ComponentChildren; actions?: ComponentChildren; id?: string }) {
  const hid = useId();
  return (
    <section class="card" aria-labelledby={hid} id={id}>
      <header class="card-head">
        <h2 id={hid}>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({ label, value, options, onChange, name, required }: { label: string; value: string; options: Option[]; onChange: (v: string) => void; name?: string; required?: boolean }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name} value={value} required={required} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function InputField(props: { label: string; value: string; onInput: (v: string) => void; hint?: string } & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'onInput' | 'value'>) {
  const { label, value, onInput, hint, ...rest } = props;
  const id = useId();
  const hintId = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} value={value} aria-describedby={hint ? hintId : undefined} onInput={(e) => onInput((e.target as HTMLInputElement).value)} {...rest} />
      {hint && (
        <small id={hintId} class="muted">
          {hint}
        </small>
      )}
    </div>
  );
}

/** A small table of numbers, used under every chart as its accessible text alternative. */
export function DataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: Array<Array<string | number>> }) {
  return (
    <details class="data-table">
      <summary>Data table: {caption}</summary>
      <div class="table-scroll">
        <table>
          <caption class="sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (j === 0 ? <th scope="row" key={j}>{c}</th> : <td key={j}>{c}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge badge-${status}`}>{status}</span>;
}
