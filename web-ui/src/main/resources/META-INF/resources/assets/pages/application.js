// One application from the tracker: its job, status and history, the status change the transition
// table allows, the interview process's outcome, and its interviews (schedule, reschedule, cancel).

import {h, replaceChildren} from '../dom.js';
import {getJson, postJson, putJson, ProblemError} from '../http.js';
import {
    busy, clearFieldErrors, errorText, field, FOCUSES, FORMATS, isoToLocalInput, label, liveStatus,
    localInputToIso, money, OUTCOMES, plainDate, say, select, showFormError, STAGES, today, when,
} from '../ui.js';

/** The tracker's transition table (tracker-service.md): only no_response may change, and only to these. */
const NEXT_STATUSES = {no_response: ['callback', 'rejected', 'closed']};

export function render(main, [id]) {
    const state = {alive: true, id, base: `/api/tracker/applications/${encodeURIComponent(id)}`};
    const pageStatus = liveStatus();
    replaceChildren(main, h('h1', {}, 'Application'), pageStatus);
    load(main, state, pageStatus);
    return () => {
        state.alive = false;
    };
}

async function load(main, state, pageStatus, announcement = null) {
    let application;
    try {
        application = await getJson(state.base);
    } catch (error) {
        if (state.alive) {
            replaceChildren(main, h('h1', {}, 'Application'),
                h('p', {role: 'alert'}, error instanceof ProblemError && error.status === 404
                    ? 'There is no such application in your tracker.'
                    : errorText('The application could not be loaded: ', error)),
                h('p', {}, h('a', {href: '/applied-jobs'}, 'Back to applied jobs')));
        }
        return;
    }
    const [job, interviews] = await Promise.all([
        application.jobId ? getJson(`/api/tracker/jobs/${encodeURIComponent(application.jobId)}`).catch(error => ({error})) : null,
        getJson(`${state.base}/interviews?size=100`).catch(error => ({error})),
    ]);
    if (!state.alive) {
        return;
    }
    const reload = message => load(main, state, pageStatus, message);
    const status = liveStatus();
    if (announcement) {
        say(status, announcement);
    }
    const company = application.company ?? job?.company;
    replaceChildren(main,
        h('h1', {}, application.title ?? '(untitled)', company ? ` at ${company}` : ''),
        status,
        h('p', {},
            company ? h('a', {href: `/company/${encodeURIComponent(company)}`}, `All applications at ${company}`) : null,
            company ? ' · ' : null,
            h('a', {href: `/applications/${encodeURIComponent(state.id)}/interview-prep`}, 'Interview preparation'), ' · ',
            h('a', {href: '/interviews/upcoming'}, 'Upcoming interviews'), ' · ',
            h('a', {href: '/applied-jobs'}, 'Applied jobs')),
        jobSection(application, job),
        statusSection(application, state, reload),
        outcomeSection(application, state, reload),
        interviewsSection(application, interviews, state, reload));
}

function jobSection(application, job) {
    const rows = [
        ['Company', application.company],
        ['Job title', application.title],
        ['Job id at the company', application.externalJobId],
        ['Source', label(application.source)],
        ['Applied', when(application.appliedAt)],
        ['Desired salary', money(application.desiredSalary)],
    ];
    if (job && !job.error) {
        rows.push(
            ['Role', label(job.role)],
            ['Specialization', job.specialization],
            ['Level', label(job.level)],
            ['Location', job.location],
            ['Work setting', label(job.workSetting)],
            ['Minimum experience', job.minExperienceYears != null ? `${job.minExperienceYears} years` : null],
            ['Salary range', job.minSalary != null || job.maxSalary != null ? `${money(job.minSalary)} – ${money(job.maxSalary)}` : null],
        );
    }
    return h('section', {'aria-labelledby': 'job-heading'},
        h('h2', {id: 'job-heading'}, 'Job'),
        h('dl', {class: 'facts'}, rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '—')])),
        job?.error ? h('p', {}, errorText('The job\'s details could not be loaded: ', job.error)) : null,
        h('p', {}, h('small', {},
            'The desired salary is set when the application is recorded; the tracker has no API to change it afterwards.')));
}

function statusSection(application, state, reload) {
    const history = Array.isArray(application.history) ? application.history : [];
    const allowed = NEXT_STATUSES[application.status] ?? [];
    const formStatus = liveStatus();
    let form = null;
    if (allowed.length) {
        const submit = h('button', {type: 'submit'}, 'Change status');
        form = h('form', {id: 'status-form', 'aria-labelledby': 'change-status-heading'},
            h('h3', {id: 'change-status-heading'}, 'Change status'),
            h('div', {class: 'grid'},
                field('New status', select('status', allowed, {required: true, empty: 'Choose…'})),
                field('When (optional)', h('input', {type: 'datetime-local', name: 'changedAt'}),
                    'Leave empty for now. Not before the current status.')),
            submit, formStatus);
        form.addEventListener('submit', event => {
            event.preventDefault();
            const data = new FormData(form);
            const body = {status: data.get('status')};
            if (data.get('changedAt')) {
                body.changedAt = localInputToIso(data.get('changedAt'));
            }
            busy(submit, async () => {
                clearFieldErrors(form);
                try {
                    await postJson(`${state.base}/status`, body);
                    reload(`Status changed to ${label(body.status).toLowerCase()}.`);
                } catch (error) {
                    showFormError(form, formStatus, 'Not changed: ', error);
                }
            });
        });
    }
    return h('section', {'aria-labelledby': 'status-heading'},
        h('h2', {id: 'status-heading'}, 'Status: ', h('span', {id: 'current-status'}, label(application.status))),
        history.length ? h('table', {class: 'striped'},
            h('caption', {}, 'Status history, oldest first'),
            h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Status'), h('th', {scope: 'col'}, 'Since'))),
            h('tbody', {}, history.map(entry => h('tr', {}, h('td', {}, label(entry.status)), h('td', {}, when(entry.changedAt))))))
            : null,
        form ?? h('p', {}, application.status === 'callback'
            ? 'A callback is final as a status: record how the interview process ended as its outcome below.'
            : 'This status is final.'));
}

function outcomeSection(application, state, reload) {
    if (application.status !== 'callback') {
        return null;
    }
    const current = application.outcome;
    const formStatus = liveStatus();
    const submit = h('button', {type: 'submit'}, current ? 'Correct the outcome' : 'Record the outcome');
    const form = h('form', {},
        h('div', {class: 'grid'},
            field('Outcome', select('outcome', OUTCOMES, {required: true, empty: 'Choose…', selected: current?.outcome})),
            field('Date', h('input', {type: 'date', name: 'date', required: true, max: today(), value: current?.date ?? today()}))),
        field('Notes (optional)', h('textarea', {name: 'notes', rows: 2}, current?.notes ?? '')),
        submit, formStatus);
    form.addEventListener('submit', event => {
        event.preventDefault();
        const data = new FormData(form);
        const body = {outcome: data.get('outcome'), date: data.get('date'), notes: data.get('notes') || null};
        busy(submit, async () => {
            clearFieldErrors(form);
            try {
                await putJson(`${state.base}/outcome`, body);
                reload('Outcome saved.');
            } catch (error) {
                showFormError(form, formStatus, 'Not saved: ', error);
            }
        });
    });
    return h('section', {'aria-labelledby': 'outcome-heading'},
        h('h2', {id: 'outcome-heading'}, 'Interview process outcome'),
        h('p', {}, current
            ? ['Ended: ', h('strong', {}, label(current.outcome)), ' on ', plainDate(current.date), current.notes ? ` — ${current.notes}` : '']
            : 'The interview process is still open.'),
        form);
}

function interviewsSection(application, interviews, state, reload) {
    const open = application.status === 'callback' && !application.outcome;
    const items = Array.isArray(interviews?.items) ? interviews.items : [];
    const now = Date.now();
    const upcoming = items.filter(item => !item.cancelledAt && new Date(item.scheduledAt).getTime() > now);
    const past = items.filter(item => !upcoming.includes(item));
    const list = (caption, rows) => rows.length
        ? h('div', {}, h('h3', {}, caption), rows.map(item => interviewCard(item, open, state, reload)))
        : null;
    return h('section', {'aria-labelledby': 'interviews-heading'},
        h('h2', {id: 'interviews-heading'}, 'Interviews'),
        interviews?.error ? h('p', {}, errorText('The interviews could not be loaded: ', interviews.error)) : null,
        !interviews?.error && !items.length ? h('p', {}, 'No interviews yet.') : null,
        list('Upcoming', upcoming),
        list('History and cancelled', past),
        open ? scheduleForm(state, reload)
            : h('p', {}, application.status === 'callback'
                ? 'The process has an outcome, so interviews can no longer be scheduled or changed.'
                : 'Interviews can be scheduled once the application has a callback.'));
}

function interviewCard(item, open, state, reload) {
    const cardStatus = liveStatus();
    const url = `${state.base}/interviews/${encodeURIComponent(item.id)}`;
    const cancel = item.cancelledAt ? null : h('button', {type: 'button', class: 'secondary outline'}, 'Cancel interview');
    cancel?.addEventListener('click', () => {
        if (!window.confirm('Cancel this interview?')) {
            return;
        }
        busy(cancel, async () => {
            try {
                await postJson(`${url}/cancel`);
                reload('Interview cancelled.');
            } catch (error) {
                say(cardStatus, errorText('Not cancelled: ', error));
            }
        });
    });
    const reschedule = open && !item.cancelledAt
        ? h('details', {}, h('summary', {}, 'Reschedule or edit'),
            interviewForm(item, 'Save changes', async body => {
                await putJson(url, body);
                reload('Interview updated.');
            }))
        : null;
    return h('article', {class: 'interview', 'data-interview-id': item.id},
        h('header', {}, h('strong', {}, label(item.stage)), ' · ', when(item.scheduledAt),
            item.cancelledAt ? [' · ', h('span', {class: 'error'}, 'Cancelled '), when(item.cancelledAt)] : null),
        h('p', {}, `Format: ${label(item.format)} · Focus: ${label(item.focus)}`),
        item.interviewerName || item.interviewerTitle
            ? h('p', {}, 'Interviewer: ', [item.interviewerName, item.interviewerTitle].filter(Boolean).join(', ')) : null,
        item.notes ? h('p', {}, 'Notes: ', item.notes) : null,
        h('p', {}, h('a', {href: `/applications/${encodeURIComponent(state.id)}/interview-prep?interview_id=${encodeURIComponent(item.id)}`}, 'Preparation for this interview')),
        reschedule,
        cancel,
        cardStatus);
}

function scheduleForm(state, reload) {
    return h('section', {'aria-labelledby': 'schedule-heading'},
        h('h3', {id: 'schedule-heading'}, 'Schedule an interview'),
        Object.assign(interviewForm(null, 'Schedule interview', async body => {
            await postJson(`${state.base}/interviews`, body);
            reload('Interview scheduled.');
        }), {id: 'schedule-form'}));
}

function interviewForm(item, submitText, send) {
    const formStatus = liveStatus();
    const submit = h('button', {type: 'submit'}, submitText);
    const form = h('form', {class: 'interview-form'},
        h('div', {class: 'grid'},
            field('Stage', select('stage', STAGES, {required: true, empty: 'Choose…', selected: item?.stage})),
            field('Date and time', h('input', {type: 'datetime-local', name: 'scheduledAt', required: true,
                value: item ? isoToLocalInput(item.scheduledAt) : null}), 'In your time zone.')),
        h('div', {class: 'grid'},
            field('Format', select('format', FORMATS, {empty: 'Not specified', selected: item?.format})),
            field('Focus', select('focus', FOCUSES, {empty: 'Not specified', selected: item?.focus}))),
        h('div', {class: 'grid'},
            field('Interviewer name', h('input', {name: 'interviewerName', maxlength: 200, value: item?.interviewerName})),
            field('Interviewer title', h('input', {name: 'interviewerTitle', maxlength: 200, value: item?.interviewerTitle}))),
        field('Logistics notes', h('textarea', {name: 'notes', rows: 2}, item?.notes ?? '')),
        submit, formStatus);
    form.addEventListener('submit', event => {
        event.preventDefault();
        const data = new FormData(form);
        const body = {};
        for (const name of ['stage', 'format', 'focus', 'interviewerName', 'interviewerTitle', 'notes']) {
            const value = String(data.get(name) ?? '').trim();
            body[name] = value === '' ? null : value;
        }
        body.scheduledAt = localInputToIso(data.get('scheduledAt'));
        busy(submit, async () => {
            clearFieldErrors(form);
            try {
                await send(body);
            } catch (error) {
                showFormError(form, formStatus, 'Not saved: ', error);
            }
        });
    });
    return form;
}
