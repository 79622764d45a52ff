/**
 * A date typed the way a Vietnamese office writes it (dd/mm/yyyy), whatever the browser's locale,
 * kept as an ISO date. `<input type="date">` shows mm/dd/yyyy on an English Windows, so not that.
 */
import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import { formatIsoDateVi } from "../../core/settings/defaults";
import { parseViDate } from "../../core/settings/period";
import { useStrings } from "../i18n/lang-context";

export interface DateFieldProps {
  label: string;
  /** ISO date (YYYY-MM-DD), or null for none. */
  value: string | null;
  onChange: (iso: string | null) => void;
  /** When false, an empty field means null (e.g. a document date not decided yet). */
  required?: boolean;
  hint?: string;
  /** Told when the typed text is not a date (so a form can refuse to save). */
  onValidity?: (valid: boolean) => void;
}

export function DateField({ label, value, onChange, required, hint, onValidity }: DateFieldProps) {
  const { t } = useStrings();
  const [textValue, setTextValue] = React.useState(value ? formatIsoDateVi(value) : "");
  // A new value from outside (the year changed the deadline) replaces what is shown.
  React.useEffect(() => {
    setTextValue((shown) => {
      const parsed = parseViDate(shown);
      return parsed === value ? shown : value ? formatIsoDateVi(value) : "";
    });
  }, [value]);
  const empty = textValue.trim() === "";
  const parsed = parseViDate(textValue);
  const valid = empty ? !required : parsed !== null;
  React.useEffect(() => onValidity?.(valid), [valid, onValidity]);
  return (
    <Field
      label={label}
      required={required}
      hint={hint}
      validationState={valid ? "none" : "error"}
      validationMessage={valid ? undefined : t("dateInvalid")}
    >
      <Input
        value={textValue}
        placeholder={t("dateFormatHint")}
        inputMode="numeric"
        onChange={(_e, data) => {
          setTextValue(data.value);
          if (data.value.trim() === "") {
            if (!required) onChange(null);
            return;
          }
          const iso = parseViDate(data.value);
          if (iso) onChange(iso);
        }}
      />
    </Field>
  );
}
