// Small helpers the pages share: labels for the services' lower snake case values, dates, error
// texts from Problem Details and field errors shown next to their fields.

import {h, replaceChildren} from './dom.js';
import {ProblemError} from './http.js';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});
const dateFormat = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium'});

/** no_response → "No response"; technical_screen → "Technical screen". */
export function label(value) {
    if (value === null || value === undefined || value === '') {
        return '—';
    }
    const text = String(value).replaceAll('_', ' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A <time> element for an instant, or a dash. */
export function when(value, dateOnly = false) {
    const date = value ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) {
        return '—';
    }
    return h('time', {datetime: date.toISOString()}, (dateOnly ? dateFormat : dateTimeFormat).format(date));
}

/** A plain date (yyyy-mm-dd) as the user reads it, without moving it across time zones. */
export function plainDate(value) {
    if (!value) {
        return '—';
    }
    const [year, month, day] = String(value).split('-').map(Number);
    const date = new Date(year, month - 1, day);
    return Number.isNaN(date.getTime()) ? String(value) : h('time', {datetime: value}, dateFormat.format(date));
}

export function money(value) {
    return value === null || value === undefined ? '—' : `$${Number(value).toLocaleString()}`;
}

/** The user's IANA time zone, sent to the services that count by local date. */
export function userZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A datetime-local value (the user's wall clock) as an ISO instant. */
export function localInputToIso(value) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An instant as a datetime-local value in the user's zone. */
export function isoToLocalInput(value) {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
        return '';
    }
    const pad = n => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Today as yyyy-mm-dd in the user's zone. */
export function today() {
    return isoToLocalInput(new Date().toISOString()).slice(0, 10);
}

export function describe(error) {
    if (error instanceof ProblemError) {
        if (error.status === 0) {
            return error.message;
        }
        if (error.status >= 500) {
            return `${error.message} (status ${error.status}; the service may be starting or unavailable)`;
        }
        return `${error.message} (status ${error.status})`;
    }
    return error?.message || 'unexpected error';
}

export function errorText(prefix, error) {
    return h('span', {class: 'error'}, prefix, describe(error));
}

/** A region whose changes screen readers announce. */
export function liveStatus() {
    return h('p', {role: 'status', 'aria-live': 'polite'});
}

export function say(status, ...content) {
    replaceChildren(status, ...content);
}

/** An id unique within the page, for label/for pairs in repeated forms. */
let counter = 0;
export function uid(prefix) {
    counter += 1;
    return `${prefix}-${counter}`;
}

/** A labelled form control: {label, control} where control is an input, select or textarea. */
export function field(labelText, control, hint = null) {
    const id = control.id || uid(`field-${control.getAttribute('name') ?? 'x'}`);
    control.id = id;
    const hintElement = hint ? h('small', {id: `${id}-hint`}, hint) : null;
    if (hintElement) {
        control.setAttribute('aria-describedby', hintElement.id);
    }
    return h('div', {class: 'field'}, h('label', {for: id}, labelText), control, hintElement);
}

/** A <select> of values shown with their labels; an optional empty first choice. */
export function select(name, values, {empty = null, selected = null, multiple = false, required = false} = {}) {
    return h('select', {name, multiple, required},
        empty !== null ? h('option', {value: ''}, empty) : null,
        values.map(value => h('option', {value, selected: value === selected}, label(value))));
}

/** Shows a refusal: field errors next to their fields (by name), the message in the status region. */
export function showFormError(form, status, prefix, error) {
    clearFieldErrors(form);
    const fieldErrors = error instanceof ProblemError ? error.fieldErrors : [];
    let unplaced = [];
    for (const {field: name, message} of fieldErrors) {
        // a nested pointer (/config/host) names its own control when the form has one, else its top field
        const control = name ? form.elements.namedItem(name) ?? form.elements.namedItem(name.split('/')[0]) : null;
        if (control instanceof HTMLElement && control.matches('input, select, textarea')) {
            const errorId = `${control.id}-error`;
            control.setAttribute('aria-invalid', 'true');
            control.dataset.describedBy = control.getAttribute('aria-describedby') ?? '';
            control.setAttribute('aria-describedby', errorId);
            control.insertAdjacentElement('afterend', h('small', {id: errorId, class: 'field-error'}, message));
        } else {
            unplaced.push(`${name ? name + ': ' : ''}${message}`);
        }
    }
    replaceChildren(status, h('span', {class: 'error'}, prefix, describe(error),
        unplaced.length ? ` (${unplaced.join('; ')})` : ''));
    form.querySelector('[aria-invalid="true"]')?.focus();
}

export function clearFieldErrors(form) {
    for (const control of form.querySelectorAll('[aria-invalid]')) {
        control.removeAttribute('aria-invalid');
        if (control.dataset.describedBy) {
            control.setAttribute('aria-describedby', control.dataset.describedBy);
        } else {
            control.removeAttribute('aria-describedby');
        }
    }
    form.querySelectorAll('.field-error').forEach(element => element.remove());
}

/** Runs an async action with the button marked busy and disabled. */
export async function busy(button, action) {
    button.setAttribute('aria-busy', 'true');
    button.disabled = true;
    try {
        return await action();
    } finally {
        button.removeAttribute('aria-busy');
        button.disabled = false;
    }
}

/** The reference's choice lists (tracker-service.md). */
export const STAGES = ['recruiter_screen', 'hiring_manager_screen', 'technical_screen', 'prep_call', 'final_loop', 'team_match'];
export const FORMATS = ['phone_call', 'virtual_meeting', 'onsite'];
export const FOCUSES = ['coding', 'system_design', 'behavioral', 'hiring_manager', 'refactoring', 'case',
    'data_pipeline_build', 'data_pipeline_design'];
export const OUTCOMES = ['offer', 'rejected', 'failed', 'ghosted', 'withdrew'];

/** "a, b\nc" → ['a', 'b', 'c']: the comma- or line-separated terms a text box holds. */
export function terms(text) {
    return String(text ?? '').split(/[,\n]/).map(term => term.trim()).filter(term => term.length > 0);
}

/** A copy button for a value shown once (a token's secret, an invitation link). */
export function copyButton(input, status) {
    return h('button', {type: 'button', class: 'secondary', onclick: async () => {
        try {
            await navigator.clipboard.writeText(input.value);
            say(status, 'Copied to the clipboard.');
        } catch {
            // no clipboard permission (plain http, older browsers): select it for Ctrl-C instead
            input.focus();
            input.select();
            say(status, 'Selected: press Ctrl-C (or ⌘-C) to copy.');
        }
    }}, 'Copy');
}
