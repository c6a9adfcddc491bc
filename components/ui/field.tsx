"use client";

import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { shownText } from "@/lib/forms/state";
import { useFormStateContext } from "./action-form";
import { cx } from "./cx";
import { inputClass } from "./input-class";


/** Label, hint and error for one field; errors come from the form's state, translated by the action. */
export function useFieldState(name: string) {
  const state = useFormStateContext();
  const errors = state.fieldErrors?.[name] ?? [];
  const previous = state.values?.[name];
  return { errors: errors.map(shownText), previous };
}

export function FieldShell(props: {
  id: string;
  label: string;
  hint?: string;
  errors: string[];
  required?: boolean;
  requiredLabel?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={props.id} className="block font-medium text-slate-900">
        {props.label}
        {props.required && props.requiredLabel ? <span className="ml-1 text-sm font-normal text-slate-700">({props.requiredLabel})</span> : null}
      </label>
      {props.hint ? (
        <p id={`${props.id}-hint`} className="text-sm text-slate-700">
          {props.hint}
        </p>
      ) : null}
      {props.children}
      {props.errors.length ? (
        <p id={`${props.id}-error`} className="text-sm font-medium text-red-800">
          {props.errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name"> & {
  name: string;
  label: string;
  hint?: string;
  requiredLabel?: string;
};

export function Field({ name, label, hint, requiredLabel, defaultValue, className, ...input }: FieldProps) {
  const id = useId();
  const { errors, previous } = useFieldState(name);
  const describedBy = cx(hint && `${id}-hint`, errors.length > 0 && `${id}-error`) || undefined;
  const value = input.type === "password" ? undefined : typeof previous === "string" ? previous : defaultValue;
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} required={input.required} requiredLabel={requiredLabel}>
      <input
        id={id}
        name={name}
        // Remount on each answer so the value the server sent back is shown.
        key={String(value ?? "")}
        defaultValue={value}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy}
        className={cx(inputClass, className)}
        {...input}
      />
    </FieldShell>
  );
}

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name"> & {
  name: string;
  label: string;
  hint?: string;
  requiredLabel?: string;
};

export function TextArea({ name, label, hint, requiredLabel, defaultValue, className, ...rest }: TextareaProps) {
  const id = useId();
  const { errors, previous } = useFieldState(name);
  const value = typeof previous === "string" ? previous : defaultValue;
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} required={rest.required} requiredLabel={requiredLabel}>
      <textarea
        id={id}
        name={name}
        key={String(value ?? "")}
        defaultValue={value}
        rows={rest.rows ?? 5}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={cx(hint && `${id}-hint`, errors.length > 0 && `${id}-error`) || undefined}
        className={cx(inputClass, className)}
        {...rest}
      />
    </FieldShell>
  );
}
