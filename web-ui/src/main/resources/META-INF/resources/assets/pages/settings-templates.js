// Settings › Resume templates (resume-service, GET/POST /api/resumes/templates, GET/PUT/DELETE …/{id}):
// the built-ins (engineer, analyst; read-only: they can be viewed and copied) and the caller's own,
// which are created from a copy of a built-in, edited and deleted here. The service validates a
// template before storing it (well-formed XHTML with the four data-slot elements, CSS 2.1 only,
// nothing loaded from outside, a sample renders) and names each problem by JSON pointer (/css,
// /html, /roleConfigs/1/roleKey), which is shown next to that field. The API offers no preview and
// no default template: the resume page's "Automatic" choice picks the fitting template, one's own first.

import {h, replaceChildren} from '../dom.js';
import {deleteJson, getJson, postJson, putJson} from '../http.js';
import {busy, clearFieldErrors, errorText, field, label, liveStatus, say, showFormError, when} from '../ui.js';

const ROLES = ['software_engineer', 'data_engineer', 'solutions_engineer', 'data_analyst', 'business_analyst',
    'business_intelligence_engineer', 'analytics_engineer', 'data_scientist'];
const LEVELS = {associate: 'Associate', i: 'I (0–2 years)', ii: 'II (2–5 years)', iii: 'III (5–8 years)', senior: 'Senior'};
const STYLES = ['standard', 'compact', 'dense'];
const API = '/api/resumes/templates';

export function render(content) {
    const state = {alive: true, templates: [], roleKeys: []};
    const listStatus = liveStatus();
    listStatus.id = 'templates-status';
    const list = h('div', {id: 'templates-list'});
    const formArea = h('section', {id: 'template-form-area', 'aria-labelledby': 'template-form-heading'});
    const reload = () => load(state, list, listStatus, formArea, reload);
    replaceChildren(content,
        h('h2', {}, 'Resume templates'),
        h('p', {}, 'A template is the HTML and CSS a resume is printed with. The built-in ones are read-only: copy one to make your own. ',
            'A resume started with “Automatic (by role)” uses the template that fits the job’s role, level and specialization — yours before the built-ins.'),
        h('h3', {}, 'Templates'),
        listStatus,
        list,
        formArea);
    loadRoleKeys(state);
    reload();
    return () => {
        state.alive = false;
    };
}

async function load(state, list, status, formArea, reload) {
    list.setAttribute('aria-busy', 'true');
    // only the latest load renders: an earlier answer arriving late must not bring back a removed row
    const ticket = (state.loads = (state.loads ?? 0) + 1);
    try {
        const templates = await getJson(API);
        if (!state.alive || ticket !== state.loads) {
            return;
        }
        state.templates = templates ?? [];
        const builtIns = state.templates.filter(template => !template.custom);
        replaceChildren(list, h('table', {class: 'striped'},
            h('thead', {}, h('tr', {}, ['Name', 'For roles', 'Level', 'Style', 'Kind', 'Updated', 'Actions']
                .map(text => h('th', {scope: 'col'}, text)))),
            h('tbody', {}, state.templates.map(template => templateRow(state, template, status, formArea, reload)))),
            state.templates.some(template => template.custom) ? null
                : h('p', {id: 'templates-none'}, 'You have no templates of your own yet: copy a built-in one to start.'),
            builtIns.length ? null : h('p', {}, 'The built-in templates could not be listed.'));
    } catch (error) {
        if (state.alive) {
            say(status, errorText('The templates could not be loaded: ', error));
        }
    } finally {
        list.removeAttribute('aria-busy');
    }
}

function templateRow(state, template, status, formArea, reload) {
    const open = (text, className, mode) => {
        const button = h('button', {type: 'button', class: className}, text);
        button.addEventListener('click', () => busy(button, async () => {
            try {
                const full = await getJson(`${API}/${encodeURIComponent(template.id)}`);
                if (state.alive) {
                    showForm(state, formArea, full, mode, status, reload);
                }
            } catch (error) {
                say(status, errorText(`“${template.name}” could not be opened: `, error));
            }
        }));
        return button;
    };
    const actions = template.custom
        ? [open('Edit', 'secondary outline', 'edit'), open('Copy', 'secondary outline', 'copy'), deleteButton(template, status, reload)]
        : [open('Copy', 'outline', 'copy'), open('View', 'secondary outline', 'view')];
    return h('tr', {'data-template-id': template.id, 'data-template-name': template.name, 'data-custom': String(template.custom)},
        h('th', {scope: 'row'}, template.name,
            template.description ? h('br') : null, template.description ? h('small', {}, template.description) : null),
        h('td', {}, (template.targetRoles ?? [template.targetRole]).map(label).join(', ')),
        h('td', {}, template.level ? LEVELS[template.level] ?? label(template.level) : 'Any'),
        h('td', {}, label(template.styleVariant)),
        h('td', {class: 'template-kind'}, template.custom ? 'Yours' : 'Built-in (read-only)'),
        h('td', {}, when(template.updatedAt)),
        h('td', {}, h('div', {class: 'listing-actions'}, actions)));
}

function deleteButton(template, status, reload) {
    const button = h('button', {type: 'button', class: 'secondary outline'}, 'Delete');
    button.addEventListener('click', () => {
        if (!window.confirm(`Delete the template “${template.name}”? Resumes already rendered with it keep their PDFs.`)) {
            return;
        }
        busy(button, async () => {
            try {
                await deleteJson(`${API}/${encodeURIComponent(template.id)}`);
                await reload();
                say(status, `“${template.name}” deleted.`);
            } catch (error) {
                say(status, errorText(`“${template.name}” was not deleted: `, error));
            }
        });
    });
    return button;
}

/** The experience base's role keys, offered in the role configs (typing a key still works without them). */
async function loadRoleKeys(state) {
    try {
        const base = await getJson('/api/resumes/experience');
        if (state.alive) {
            state.roleKeys = (base?.roles ?? []).map(role => ({key: role.key, text: `${role.title}, ${role.company}`}));
        }
    } catch {
        // the role configs take typed keys then
    }
}

/**
 * mode: 'copy' (a new template from this one's HTML and CSS), 'edit' (the caller's own, PUT) or 'view' (a built-in,
 * read-only; its markup can be read and copied).
 */
function showForm(state, formArea, template, mode, listStatus, reload) {
    const readOnly = mode === 'view';
    const status = liveStatus();
    status.id = 'template-form-status';
    const text = (name, labelText, value, attributes = {}, hint = null) => field(labelText,
        h('input', {name, id: `template-${name}`, value, readonly: readOnly, ...attributes}), hint);
    const choice = (name, labelText, options, selected, empty = null) => field(labelText,
        h('select', {name, id: `template-${name}`, disabled: readOnly},
            empty !== null ? h('option', {value: ''}, empty) : null,
            Object.entries(options).map(([value, text]) => h('option', {value, selected: value === selected}, text))));
    const roleOptions = Object.fromEntries(ROLES.map(role => [role, label(role)]));
    const styleOptions = Object.fromEntries(STYLES.map(style => [style, label(style)]));
    const configs = h('div', {id: 'template-role-configs'});
    const datalist = h('datalist', {id: 'template-role-keys'},
        state.roleKeys.map(role => h('option', {value: role.key}, role.text)));
    (template.roleConfigs ?? []).forEach(config => configs.append(roleConfigRow(config, readOnly)));
    renumber(configs);
    const addConfig = readOnly ? null : h('button', {type: 'button', class: 'secondary outline', id: 'template-add-role-config',
        onclick: () => {
            const orders = [...configs.querySelectorAll('input[data-part=order]')].map(input => Number(input.value) || 0);
            configs.append(roleConfigRow({order: orders.length ? Math.max(...orders) + 1 : 0, maxBullets: 3}, false));
            renumber(configs);
        }}, 'Add a role');
    const title = mode === 'edit' ? `Edit “${template.name}”` : mode === 'copy' ? `New template from “${template.name}”` : `“${template.name}” (built-in, read-only)`;
    const submit = readOnly ? null : h('button', {type: 'submit', id: 'template-submit'}, mode === 'edit' ? 'Save changes' : 'Create template');
    const close = h('button', {type: 'button', class: 'secondary', id: 'template-cancel', onclick: () => replaceChildren(formArea)},
        readOnly ? 'Close' : 'Cancel');
    const form = h('form', {id: 'template-form', novalidate: true, 'data-mode': mode},
        h('div', {class: 'grid'},
            text('name', 'Name', mode === 'copy' ? `${template.name} (copy)` : template.name, {maxlength: 100, required: true}),
            choice('targetRole', 'For the role', roleOptions, template.targetRole)),
        h('div', {class: 'grid'},
            choice('level', 'Level', LEVELS, template.level, 'Any level'),
            text('specialization', 'Specialization', template.specialization, {maxlength: 64},
                'Optional: Python, Backend or Full Stack; empty fits any.'),
            choice('styleVariant', 'Starting style', styleOptions, template.styleVariant ?? 'standard')),
        text('description', 'Description', template.description, {maxlength: 255}),
        field('HTML (XHTML)', h('textarea', {name: 'html', id: 'template-html', rows: 14, spellcheck: 'false',
            readonly: readOnly, class: 'code'}, template.html ?? ''),
            'Well-formed XHTML with elements data-slot="name", "contact", "experience" and "skills" (optionally "links"); no scripts, images or links to anything outside.'),
        field('CSS', h('textarea', {name: 'css', id: 'template-css', rows: 8, spellcheck: 'false', readonly: readOnly,
            class: 'code'}, template.css ?? ''),
            'CSS 2.1 only (the PDF renderer lays out blocks and tables: no flex, grid, var() or calc()); no @import, @font-face or url().'),
        h('fieldset', {},
            h('legend', {}, 'Roles printed'),
            h('p', {}, h('small', {}, 'Which of your experience roles the template prints, in order, with an optional title and a bullet limit. None: every role with projects, in your experience’s order.')),
            configs, datalist, addConfig),
        h('div', {class: 'listing-actions'}, submit, close),
        status);
    if (!readOnly) {
        form.addEventListener('submit', event => {
            event.preventDefault();
            clearFieldErrors(form);
            const body = formBody(form, configs);
            busy(submit, async () => {
                try {
                    const saved = mode === 'edit'
                        ? await putJson(`${API}/${encodeURIComponent(template.id)}`, body)
                        : await postJson(API, body);
                    replaceChildren(formArea);
                    await reload();
                    say(listStatus, `“${saved.name}” ${mode === 'edit' ? 'saved' : 'created'}.`);
                } catch (error) {
                    showFormError(form, status, 'The template was not saved: ', error);
                }
            });
        });
    }
    replaceChildren(formArea, h('h3', {id: 'template-form-heading'}, title), form);
    form.elements.namedItem('name').focus();
}

function roleConfigRow(config, readOnly) {
    const input = (part, labelText, attributes) => {
        const control = h('input', {'data-part': part, readonly: readOnly, ...attributes});
        return field(labelText, control);
    };
    const row = h('div', {class: 'grid template-role-config'},
        input('roleKey', 'Role key', {value: config.roleKey ?? '', list: 'template-role-keys', maxlength: 100}),
        input('order', 'Order', {type: 'number', min: 0, step: 1, value: config.order ?? 0}),
        input('titleOverride', 'Title shown', {value: config.titleOverride ?? '', maxlength: 64}),
        input('maxBullets', 'Max bullets', {type: 'number', min: 1, max: 10, step: 1, value: config.maxBullets ?? 3}),
        readOnly ? null : h('div', {class: 'field'}, h('button', {type: 'button', class: 'secondary outline',
            onclick: () => {
                const list = row.parentElement;
                row.remove();
                renumber(list);
            }}, 'Remove')));
    return row;
}

/** Names the role config inputs by their JSON pointer (roleConfigs/1/roleKey), so the service's errors land there. */
function renumber(configs) {
    [...configs.querySelectorAll('.template-role-config')].forEach((row, index) => {
        row.dataset.index = String(index);
        row.querySelectorAll('input[data-part]').forEach(input => {
            input.name = `roleConfigs/${index}/${input.dataset.part}`;
        });
    });
}

function formBody(form, configs) {
    renumber(configs);
    const data = new FormData(form);
    const value = name => String(data.get(name) ?? '');
    const optional = name => value(name).trim() || null;
    const number = text => (String(text).trim() === '' ? null : Number(text));
    return {
        name: value('name').trim(),
        targetRole: value('targetRole'),
        level: optional('level'),
        specialization: optional('specialization'),
        description: optional('description'),
        html: value('html'),
        css: value('css'),
        styleVariant: value('styleVariant'),
        roleConfigs: [...configs.querySelectorAll('.template-role-config')].map(row => {
            const part = name => row.querySelector(`input[data-part=${name}]`).value;
            return {
                roleKey: part('roleKey').trim(),
                order: number(part('order')),
                titleOverride: part('titleOverride').trim() || null,
                maxBullets: number(part('maxBullets')),
            };
        }),
    };
}
