// The experience base the resumes are written from (resume-service): the contact profile
// (GET/PUT /api/resumes/profile) and the roles with their projects — problem context, actions,
// tools, outcomes — (GET/PUT /api/resumes/experience, replaced as a whole). JSON export downloads
// the GET document; import uploads a file and PUTs it back, or POSTs a JSON Resume document to
// /api/resumes/experience/import/json-resume. Controls are named by the JSON pointer of the value
// they hold, so a 400's pointers land next to their fields.

import {h, replaceChildren} from '../dom.js';
import {getJson, ProblemError, putJson, postJson} from '../http.js';
import {busy, errorText, field, liveStatus, say, showFormError, clearFieldErrors, terms} from '../ui.js';

const EMPTY_PROJECT = () => ({shortName: '', problemContext: '', actions: [], tools: [], outcomes: []});
const EMPTY_ROLE = () => ({company: '', title: '', location: '', startDate: '', endDate: null, projects: [EMPTY_PROJECT()]});

export function render(main) {
    const state = {alive: true, base: null};
    const profileStatus = liveStatus();
    const baseStatus = liveStatus();
    const importStatus = liveStatus();
    profileStatus.id = 'profile-status';
    baseStatus.id = 'experience-status';
    importStatus.id = 'experience-import-status';
    const profileForm = h('form', {id: 'profile-form', 'aria-labelledby': 'profile-heading', novalidate: true});
    const baseForm = h('form', {id: 'experience-form', 'aria-labelledby': 'experience-heading', novalidate: true});
    const exportLink = h('a', {id: 'experience-export', href: '#', download: 'experience-base.json', role: 'button',
        class: 'secondary'}, 'Export JSON');
    const importForm = importSection(state, importStatus, () => Promise.all([
        loadBase(state, baseForm, baseStatus, exportLink), loadProfile(state, profileForm, profileStatus)]));

    replaceChildren(main,
        h('h1', {}, 'Experience'),
        h('p', {}, 'Resumes are written only from what is here: your roles and the projects you did in them. ',
            h('a', {href: '/resume'}, 'Back to resumes.')),
        h('section', {'aria-labelledby': 'profile-heading'},
            h('h2', {id: 'profile-heading'}, 'Contact profile'),
            h('p', {}, h('small', {}, 'Printed at the top of every resume.')),
            profileForm, profileStatus),
        h('section', {'aria-labelledby': 'transfer-heading'},
            h('h2', {id: 'transfer-heading'}, 'Import and export'),
            importForm, h('p', {}, exportLink), importStatus),
        h('section', {'aria-labelledby': 'experience-heading'},
            h('h2', {id: 'experience-heading'}, 'Roles and projects'),
            baseForm, baseStatus));

    loadProfile(state, profileForm, profileStatus);
    loadBase(state, baseForm, baseStatus, exportLink);
    return () => {
        state.alive = false;
        if (exportLink.dataset.url) {
            URL.revokeObjectURL(exportLink.dataset.url);
        }
    };
}

// ---- contact profile ------------------------------------------------------------------------

async function loadProfile(state, form, status) {
    let profile = {name: '', email: '', phone: '', location: '', links: []};
    try {
        profile = await getJson('/api/resumes/profile');
    } catch (error) {
        if (!(error instanceof ProblemError && error.status === 404)) {
            say(status, errorText('Your profile could not be loaded: ', error));
        }
    }
    if (!state.alive) {
        return;
    }
    const input = (name, type = 'text', value = profile[name]) =>
        h('input', {type, name, id: `profile-${name}`, value: value ?? '', autocomplete: 'off'});
    const links = h('textarea', {name: 'links', id: 'profile-links', rows: 2}, (profile.links ?? []).join('\n'));
    const save = h('button', {type: 'submit', id: 'profile-save'}, 'Save profile');
    replaceChildren(form,
        h('div', {class: 'grid'},
            field('Name', input('name')),
            field('Email', input('email', 'email'))),
        h('div', {class: 'grid'},
            field('Phone', input('phone', 'tel')),
            field('Location', input('location'))),
        field('Links', links, 'One http(s) URL per line: LinkedIn, GitHub, portfolio.'),
        save);
    form.onsubmit = async event => {
        event.preventDefault();
        clearFieldErrors(form);
        const data = new FormData(form);
        const body = {
            name: data.get('name').trim(),
            email: blankToNull(data.get('email')),
            phone: blankToNull(data.get('phone')),
            location: blankToNull(data.get('location')),
            links: terms(String(data.get('links')).replaceAll(',', '\n')),
        };
        await busy(save, async () => {
            try {
                await putJson('/api/resumes/profile', body);
                say(status, 'Profile saved.');
            } catch (error) {
                showFormError(form, status, 'The profile was not saved: ', withListPointers(error));
            }
        });
    };
}

function blankToNull(value) {
    const text = String(value ?? '').trim();
    return text === '' ? null : text;
}

/** /links/2 names the links box: the list's items have no control of their own. */
function withListPointers(error) {
    if (!(error instanceof ProblemError) || !Array.isArray(error.problem.errors)) {
        return error;
    }
    const problem = {...error.problem, errors: error.problem.errors.map(entry =>
        entry.pointer?.startsWith('/links/') ? {...entry, pointer: '/links', detail: `line ${Number(entry.pointer.split('/')[2]) + 1}: ${entry.detail}`} : entry)};
    return new ProblemError(error.status, problem);
}

// ---- roles and projects ---------------------------------------------------------------------

async function loadBase(state, form, status, exportLink) {
    say(status, 'Loading…');
    try {
        const base = await getJson('/api/resumes/experience');
        if (!state.alive) {
            return;
        }
        state.base = {roles: (base.roles ?? []).map(role => ({...role, projects: role.projects ?? []}))};
        drawBase(state, form, status);
        say(status, state.base.roles.length ? `${state.base.roles.length} role${state.base.roles.length === 1 ? '' : 's'}.`
            : 'No roles yet: add one, or import a file above.');
        const url = URL.createObjectURL(new Blob([JSON.stringify(base, null, 2)], {type: 'application/json'}));
        if (exportLink.dataset.url) {
            URL.revokeObjectURL(exportLink.dataset.url);
        }
        exportLink.dataset.url = url;
        exportLink.href = url;
    } catch (error) {
        if (state.alive) {
            say(status, errorText('The experience could not be loaded: ', error));
        }
    }
}

/** Rebuilds the form from state.base; every control writes back into it as it changes. */
function drawBase(state, form, status) {
    const redraw = () => drawBase(state, form, status);
    const save = h('button', {type: 'submit', id: 'experience-save'}, 'Save experience');
    replaceChildren(form,
        state.base.roles.map((role, r) => roleFieldset(state, role, r, redraw)),
        h('div', {class: 'grid'},
            h('button', {type: 'button', class: 'secondary', id: 'role-add', onclick: () => {
                state.base.roles.push(EMPTY_ROLE());
                redraw();
            }}, 'Add role'),
            save));
    form.oninput = event => {
        const control = event.target;
        if (control.dataset.path) {
            write(state.base, control.dataset.path, readControl(control));
        }
    };
    form.onsubmit = async event => {
        event.preventDefault();
        clearFieldErrors(form);
        await busy(save, async () => {
            try {
                const saved = await putJson('/api/resumes/experience', {roles: state.base.roles.map(clean)});
                state.base = {roles: saved.roles.map(role => ({...role, projects: role.projects ?? []}))};
                drawBase(state, form, status);
                say(status, `Experience saved: ${saved.roles.length} role${saved.roles.length === 1 ? '' : 's'}.`);
            } catch (error) {
                showPointerErrors(form, status, 'The experience was not saved: ', error);
            }
        });
    };
}

function roleFieldset(state, role, r, redraw) {
    const at = `roles/${r}`;
    return h('fieldset', {class: 'experience-role', 'data-role': r},
        h('legend', {}, h('strong', {}, role.company || 'New role'), role.title ? ` — ${role.title}` : ''),
        h('div', {class: 'grid'},
            field('Company', input(`${at}/company`, role.company)),
            field('Title', input(`${at}/title`, role.title))),
        h('div', {class: 'grid'},
            field('Location', input(`${at}/location`, role.location)),
            field('Start', input(`${at}/startDate`, role.startDate, 'date')),
            field('End', input(`${at}/endDate`, role.endDate, 'date'), 'Empty: current role.')),
        role.projects.map((project, p) => projectFieldset(state, project, r, p, redraw)),
        h('div', {class: 'grid'},
            h('button', {type: 'button', class: 'secondary outline', onclick: () => {
                role.projects.push(EMPTY_PROJECT());
                redraw();
            }}, 'Add project'),
            h('button', {type: 'button', class: 'secondary outline', onclick: () => {
                state.base.roles.splice(r, 1);
                redraw();
            }}, 'Remove role')));
}

function projectFieldset(state, project, r, p, redraw) {
    const at = `roles/${r}/projects/${p}`;
    return h('fieldset', {class: 'experience-project', 'data-project': p},
        h('legend', {}, project.shortName || 'New project'),
        field('Short name', input(`${at}/shortName`, project.shortName)),
        field('Problem context', area(`${at}/problemContext`, project.problemContext, false), 'What was wrong before you started.'),
        field('Actions', area(`${at}/actions`, project.actions), 'What you did: one per line.'),
        field('Tools', area(`${at}/tools`, project.tools), 'One per line or comma-separated.'),
        field('Outcomes', area(`${at}/outcomes`, project.outcomes), 'Results, with numbers where you have them: one per line.'),
        h('button', {type: 'button', class: 'secondary outline', onclick: () => {
            state.base.roles[r].projects.splice(p, 1);
            redraw();
        }}, 'Remove project'));
}

function input(path, value, type = 'text') {
    return h('input', {type, name: path, 'data-path': path, value: value ?? ''});
}

/** A text box; a list (one item per line) when list is true. */
function area(path, value, list = true) {
    return h('textarea', {name: path, 'data-path': path, 'data-list': list ? 'lines' : null, rows: list ? 3 : 2},
        list ? (value ?? []).join('\n') : (value ?? ''));
}

function readControl(control) {
    if (control.dataset.list) {
        // tools may be comma-separated; actions and outcomes are sentences that contain commas
        return control.name.endsWith('/tools') ? terms(control.value)
            : control.value.split('\n').map(line => line.trim()).filter(line => line.length > 0);
    }
    if (control.type === 'date') {
        return control.value === '' ? null : control.value;
    }
    return control.value;
}

function write(target, path, value) {
    const parts = path.split('/');
    let node = target;
    for (const part of parts.slice(0, -1)) {
        node = node[part];
    }
    node[parts.at(-1)] = value;
}

/** The PUT body: what the user typed; derived members (key, current) are left to the service. */
function clean(role) {
    return {
        company: role.company, title: role.title, location: blankToNull(role.location),
        startDate: role.startDate || null, endDate: role.endDate || null,
        projects: role.projects.map(project => ({
            shortName: project.shortName, problemContext: blankToNull(project.problemContext),
            actions: project.actions ?? [], tools: project.tools ?? [], outcomes: project.outcomes ?? [],
        })),
    };
}

/**
 * Places each error of a 400 next to the control its JSON pointer names; a pointer into a list
 * (/roles/0/projects/1/tools/3) goes to the list's box, a pointer to a whole role to its first field.
 */
function showPointerErrors(form, status, prefix, error) {
    if (!(error instanceof ProblemError) || !Array.isArray(error.problem.errors)) {
        showFormError(form, status, prefix, error);
        return;
    }
    const errors = error.problem.errors.map(entry => {
        const pointer = String(entry.pointer ?? entry.field ?? '').replace(/^#?\//, '');
        let parts = pointer.split('/');
        while (parts.length > 0 && !form.elements.namedItem(parts.join('/'))) {
            parts = parts.slice(0, -1);
        }
        const found = parts.join('/');
        const rest = pointer.slice(found.length).replace(/^\//, '');
        const target = found === '' ? pointer : (form.elements.namedItem(found) ? found : pointer);
        return {...entry, pointer: `/${target}`, detail: rest && found ? `${rest}: ${entry.detail ?? entry.message}` : (entry.detail ?? entry.message)};
    });
    showFormError(form, status, prefix, new ProblemError(error.status, {...error.problem, errors}));
}

// ---- import ---------------------------------------------------------------------------------

function importSection(state, status, reload) {
    const file = h('input', {type: 'file', name: 'file', id: 'experience-file', accept: 'application/json,.json', required: true});
    const format = h('select', {name: 'format', id: 'experience-format'},
        h('option', {value: 'base'}, 'Experience base (this page\'s export)'),
        h('option', {value: 'json-resume'}, 'JSON Resume (jsonresume.org)'));
    const submit = h('button', {type: 'submit', id: 'experience-import'}, 'Import');
    const problems = h('ul', {id: 'experience-import-errors'});
    const form = h('form', {id: 'experience-import-form'},
        h('div', {class: 'grid'}, field('File', file), field('Format', format)),
        h('p', {}, h('small', {}, 'Importing replaces your roles and projects; an experience base file with a contact replaces the profile too.')),
        submit, problems);
    form.addEventListener('submit', async event => {
        event.preventDefault();
        replaceChildren(problems);
        const chosen = file.files[0];
        if (!chosen) {
            say(status, h('span', {class: 'error'}, 'Choose a file first.'));
            return;
        }
        await busy(submit, async () => {
            let document;
            try {
                document = JSON.parse(await chosen.text());
            } catch (parseError) {
                say(status, h('span', {class: 'error'}, `${chosen.name} is not JSON: ${parseError.message}`));
                return;
            }
            try {
                const saved = format.value === 'json-resume'
                    ? await postJson('/api/resumes/experience/import/json-resume', document)
                    : await putJson('/api/resumes/experience', document);
                if (!state.alive) {
                    return;
                }
                say(status, `Imported ${chosen.name}: ${saved.roles.length} role${saved.roles.length === 1 ? '' : 's'}.`);
                await reload();
            } catch (error) {
                // the pointers name places in the uploaded file, which has no form controls here
                say(status, errorText(`${chosen.name} was not imported: `, error));
                const fieldErrors = error instanceof ProblemError ? error.problem.errors ?? [] : [];
                replaceChildren(problems, fieldErrors.map(entry => h('li', {},
                    h('code', {}, entry.pointer ?? entry.parameter ?? entry.field ?? ''), ' ', entry.detail ?? entry.message ?? '')));
            }
        });
    });
    return form;
}
