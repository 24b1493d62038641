/** @jsxImportSource react */
import { Map as ImmutableMap } from 'immutable';
import { Component, type ReactNode } from 'react';

/**
 * Decap widget for a map of strings (`newsletter.hiddenFields` in the settings): rows of
 * name and value. Decap has no widget that writes a YAML mapping with free keys.
 */
interface Props {
  value?: ImmutableMap<string, string> | Record<string, string> | null;
  onChange: (value: ImmutableMap<string, string>) => void;
  forID: string;
  classNameWrapper: string;
}

interface State {
  rows: [string, string][];
}

function rowsOf(value: Props['value']): [string, string][] {
  if (!value) return [];
  const plain = ImmutableMap.isMap(value) ? value.toObject() : value;
  return Object.entries(plain).map(([key, item]) => [key, item]);
}

export class KeyValueControl extends Component<Props, State> {
  override state: State = { rows: rowsOf(this.props.value) };

  /** Duplicate or empty names cannot be saved: a YAML mapping needs unique keys. */
  isValid = () => {
    const names = this.state.rows.map(([name]) => name.trim());
    if (names.some((name) => name === '')) return { error: { message: 'Każde pole ukryte musi mieć nazwę.' } };
    if (new Set(names).size !== names.length) return { error: { message: 'Nazwy pól ukrytych powtarzają się.' } };
    return true;
  };

  private update(rows: [string, string][]) {
    this.setState({ rows });
    this.props.onChange(ImmutableMap(rows.filter(([name]) => name.trim() !== '').map(([name, item]) => [name.trim(), item])));
  }

  override render(): ReactNode {
    const { rows } = this.state;
    return (
      <div className={this.props.classNameWrapper} id={this.props.forID}>
        {rows.map(([name, item], index) => (
          <div key={index} style={{ display: 'flex', gap: '0.5rem', marginBottom: '0.5rem' }}>
            <input
              aria-label="Nazwa pola"
              placeholder="nazwa"
              value={name}
              onChange={(event) => this.update(rows.map((row, i) => (i === index ? [event.target.value, row[1]] : row)))}
            />
            <input
              aria-label="Wartość pola"
              placeholder="wartość"
              value={item}
              onChange={(event) => this.update(rows.map((row, i) => (i === index ? [row[0], event.target.value] : row)))}
            />
            <button type="button" onClick={() => this.update(rows.filter((_, i) => i !== index))}>
              Usuń
            </button>
          </div>
        ))}
        <button type="button" onClick={() => this.update([...rows, ['', '']])}>
          Dodaj pole
        </button>
      </div>
    );
  }
}
