/** @jsxImportSource react */
import { Component, type ReactNode } from 'react';
import { formatPolishDateTime, nowStored, parsePolishDateTime, POLISH_DATE_TIME_HINT } from './polish-date.ts';

/**
 * Decap widget for dates with time, entered and shown as Polish newsrooms write them
 * (`14.11.2026 09:00`, Warsaw time) whatever the browser's language: Decap's own widget uses
 * the browser's native field, which follows the browser (`11/14/2026, 09:00 AM`). It stores the
 * form the schemas read, `2026-11-14T09:00:00+01:00`.
 */
interface Props {
  value?: string | Date | null;
  onChange: (value: string) => void;
  forID: string;
  classNameWrapper: string;
  field: { get(key: 'label'): string | undefined };
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
  isDisabled?: boolean;
}

interface State {
  /** What the editor typed, kept as typed until it is a valid date. */
  text: string;
}

export class PolishDateTimeControl extends Component<Props, State> {
  override state: State = { text: formatPolishDateTime(this.props.value) };

  /** The value this control last gave Decap; any other new value came from outside (the entry loading). */
  private emitted: string | undefined;

  override componentDidUpdate(previous: Props) {
    const { value } = this.props;
    if (value === previous.value || (typeof value === 'string' && value === this.emitted)) return;
    this.setState({ text: formatPolishDateTime(value) });
  }

  /** Text that is not a date cannot be saved; the message says how to write one. */
  isValid = () => {
    const text = this.state.text.trim();
    if (text === '') return true;
    const parsed = parsePolishDateTime(text);
    return 'error' in parsed ? { error: { message: parsed.error } } : true;
  };

  private change(text: string) {
    this.setState({ text });
    if (text.trim() === '') {
      this.emitted = '';
      this.props.onChange('');
      return;
    }
    const parsed = parsePolishDateTime(text);
    if ('value' in parsed) {
      this.emitted = parsed.value;
      this.props.onChange(parsed.value);
    }
  }

  override render(): ReactNode {
    const { forID, classNameWrapper, field, setActiveStyle, setInactiveStyle, isDisabled = false } = this.props;
    const label = field.get('label') ?? '';
    return (
      <div className={classNameWrapper} style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
        <input
          id={forID}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={POLISH_DATE_TIME_HINT}
          value={this.state.text}
          disabled={isDisabled}
          style={{ flex: '1 1 auto', border: 0, background: 'transparent', font: 'inherit', outline: 'none' }}
          onChange={(event) => this.change(event.target.value)}
          onFocus={setActiveStyle}
          onBlur={setInactiveStyle}
        />
        {!isDisabled && (
          <button type="button" aria-label={`Ustaw pole ${label} na teraz`} onClick={() => this.change(formatPolishDateTime(nowStored()))}>
            Teraz
          </button>
        )}
      </div>
    );
  }
}
