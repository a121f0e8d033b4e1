import { type FormEvent, useState } from 'react';
import type { User } from '../../../telegram/types.ts';
import type { TCreateUserBody } from '../../contract/host-api.ts';

function NewUserForm(props: { onCreate: (body: TCreateUserBody) => Promise<void>; onCancel: () => void }) {
  const [firstName, setFirstName] = useState('');
  const [username, setUsername] = useState('');
  const [language, setLanguage] = useState<'ru' | 'en'>('en');
  const [problem, setProblem] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await props.onCreate({ firstName, language, ...(username ? { username } : {}) });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <form className="new-user" onSubmit={submit}>
      <label>
        First name
        <input
          data-testid="new-user-first-name"
          value={firstName}
          onChange={(e) => setFirstName(e.target.value)}
          required
        />
      </label>
      <label>
        Username <span className="hint">(optional)</span>
        <input
          data-testid="new-user-username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          placeholder="ann_smith"
        />
      </label>
      <label>
        Language
        <select
          data-testid="new-user-language"
          value={language}
          onChange={(e) => setLanguage(e.target.value === 'ru' ? 'ru' : 'en')}
        >
          <option value="en">English</option>
          <option value="ru">Русский</option>
        </select>
      </label>
      {problem ? <p className="form-problem">{problem}</p> : null}
      <div className="form-actions">
        <button type="button" className="flat" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" data-testid="new-user-create">
          Create
        </button>
      </div>
    </form>
  );
}

/**
 * Who the person at the keyboard is: any user of the local Bot API, or a new one. Developer tooling, not
 * Telegram's client: in English whatever the user's language.
 */
export function UserPicker(props: {
  users: User[];
  userId: number | undefined;
  onSelect: (userId: number) => void;
  onCreate: (body: TCreateUserBody) => Promise<void>;
}) {
  const [creating, setCreating] = useState(props.users.length === 0);
  if (creating)
    return (
      <NewUserForm
        onCancel={() => setCreating(false)}
        onCreate={async (body) => {
          await props.onCreate(body);
          setCreating(false);
        }}
      />
    );
  return (
    <div className="user-picker">
      <select
        data-testid="user-select"
        aria-label="Current user"
        value={props.userId ?? ''}
        onChange={(e) => props.onSelect(Number(e.target.value))}
      >
        {props.userId === undefined ? <option value="">Choose a user…</option> : null}
        {props.users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.first_name}
            {user.username ? ` @${user.username}` : ''} · {user.id} · {user.language_code ?? '?'}
          </option>
        ))}
      </select>
      <button type="button" className="flat" data-testid="new-user" onClick={() => setCreating(true)}>
        New user
      </button>
    </div>
  );
}
