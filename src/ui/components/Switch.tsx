interface Props {
  readonly label: string;
  readonly hint: string;
  readonly checked: boolean;
  readonly disabled?: boolean;
  readonly onChange: (checked: boolean) => void;
}

/** A labelled on/off switch: a native checkbox with the switch role, so keyboards and readers know it. */
export function Switch({ label, hint, checked, disabled, onChange }: Props) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        aria-checked={checked}
        disabled={disabled}
        aria-describedby="switch-hint"
        data-testid="enabled-switch"
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span class="switch-track" aria-hidden="true" />
      <span class="switch-text">
        <strong>{label}</strong>
        <span id="switch-hint" class="muted">
          {hint}
        </span>
      </span>
    </label>
  );
}
