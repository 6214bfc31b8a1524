// Settings › Users (administrators): the accounts (GET /api/accounts), a new user with a password or
// an invitation link instead (POST /api/accounts), and disabling / enabling (PATCH /api/accounts/{id}).
// The invitation's secret is in the creating answer only, so its link is shown once.

import {h, replaceChildren} from '../dom.js';
import {getJson, patchJson, postJson} from '../http.js';
import {busy, clearFieldErrors, copyButton, errorText, field, label, liveStatus, say, showFormError, when} from '../ui.js';

const PAGE_SIZE = 50;

export function render(content, {me}) {
    const state = {alive: true, page: 0, me};
    const status = liveStatus();
    status.id = 'users-status';
    const list = h('div', {id: 'users-list'});
    const reload = () => load(state, list, status);
    replaceChildren(content,
        h('h2', {}, 'Users'),
        createForm(reload),
        h('h3', {}, 'Accounts'),
        status,
        list);
    reload();
    return () => {
        state.alive = false;
    };
}

function createForm(reload) {
    const status = liveStatus();
    status.id = 'new-user-status';
    const created = h('div', {id: 'new-user-result'});
    const submit = h('button', {type: 'submit', id: 'new-user-submit'}, 'Create user');
    const form = h('form', {id: 'new-user-form', 'aria-labelledby': 'new-user-heading', novalidate: true},
        h('h3', {id: 'new-user-heading'}, 'Add a user'),
        h('div', {class: 'grid'},
            field('User name', h('input', {name: 'username', id: 'new-user-username', required: true, maxlength: 100,
                autocomplete: 'off'}), '2 to 100 letters, digits or . _ @ -'),
            field('Password', h('input', {type: 'password', name: 'password', id: 'new-user-password', maxlength: 200,
                autocomplete: 'new-password'}), 'Empty: an invitation link is made instead, for them to choose one (valid 7 days).')),
        h('label', {class: 'checkbox-field'}, h('input', {type: 'checkbox', name: 'admin', id: 'new-user-admin', role: 'switch'}),
            ' Administrator (manages users and the shared company catalog)'),
        submit,
        status,
        created);
    form.addEventListener('submit', event => {
        event.preventDefault();
        clearFieldErrors(form);
        replaceChildren(created);
        const data = new FormData(form);
        const password = String(data.get('password') ?? '');
        const body = {
            username: String(data.get('username') ?? '').trim(),
            password: password || null,
            roles: data.get('admin') !== null ? ['USER', 'ADMIN'] : ['USER'],
        };
        busy(submit, async () => {
            try {
                const answer = await postJson('/api/accounts', body);
                form.reset();
                if (answer.invitePath) {
                    const link = h('input', {id: 'invite-link', readonly: true, value: new URL(answer.invitePath, window.location.origin).href,
                        'aria-label': `Invitation link for ${answer.account.username}`});
                    const copyStatus = liveStatus();
                    say(status, `“${answer.account.username}” is invited.`);
                    replaceChildren(created, h('article', {class: 'secret'},
                        h('p', {}, 'Send this link to ', h('strong', {}, answer.account.username),
                            '; it is shown only now and works once, until ', when(answer.inviteExpiresAt), '.'),
                        h('div', {class: 'copy-row'}, link, copyButton(link, copyStatus)),
                        copyStatus));
                }
                await reload();
                if (!answer.invitePath) {
                    say(status, `“${answer.account.username}” can sign in now.`);
                }
            } catch (error) {
                showFormError(form, status, 'No user created: ', error);
            }
        });
    });
    return form;
}

async function load(state, list, status) {
    list.setAttribute('aria-busy', 'true');
    // only the latest load renders: an earlier answer arriving late must not bring back a removed row
    const ticket = (state.loads = (state.loads ?? 0) + 1);
    try {
        const page = await getJson(`/api/accounts?page=${state.page}&size=${PAGE_SIZE}`);
        if (!state.alive || ticket !== state.loads) {
            return;
        }
        const items = page.items ?? [];
        const total = Number(page.total ?? items.length);
        const lastPage = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
        const reload = () => load(state, list, status);
        const go = target => {
            state.page = target;
            reload();
        };
        replaceChildren(list,
            h('table', {class: 'striped'},
                h('thead', {}, h('tr', {}, ['User name', 'Roles', 'State', 'Created', ''].map(text => h('th', {scope: 'col'}, text)))),
                h('tbody', {}, items.map(account => h('tr', {'data-account-id': account.id, 'data-username': account.username},
                    h('th', {scope: 'row'}, account.username, account.id === state.me.id ? h('small', {}, ' (you)') : null),
                    h('td', {}, (account.roles ?? []).map(role => label(String(role).toLowerCase())).join(', ')),
                    h('td', {class: 'account-state'}, account.enabled ? 'Enabled' : 'Disabled'),
                    h('td', {}, when(account.createdAt, true)),
                    h('td', {}, account.id === state.me.id ? null : toggleButton(account, status, reload)))))),
            lastPage > 0 ? h('nav', {class: 'pager', 'aria-label': 'Account pages'},
                h('button', {type: 'button', class: 'secondary', disabled: state.page <= 0, onclick: () => go(state.page - 1)}, 'Previous'),
                h('span', {}, `Page ${state.page + 1} of ${lastPage + 1}`),
                h('button', {type: 'button', class: 'secondary', disabled: state.page >= lastPage, onclick: () => go(state.page + 1)}, 'Next'))
                : null);
    } catch (error) {
        if (state.alive) {
            say(status, errorText('The accounts could not be loaded: ', error));
        }
    } finally {
        list.removeAttribute('aria-busy');
    }
}

function toggleButton(account, status, reload) {
    const enable = !account.enabled;
    const button = h('button', {type: 'button', class: 'secondary outline'}, enable ? 'Enable' : 'Disable');
    button.addEventListener('click', () => {
        if (!enable && !window.confirm(`Disable “${account.username}”? They can no longer sign in, and their API tokens stop working.`)) {
            return;
        }
        busy(button, async () => {
            try {
                await patchJson(`/api/accounts/${encodeURIComponent(account.id)}`, {enabled: enable});
                await reload();
                say(status, `“${account.username}” ${enable ? 'enabled' : 'disabled'}.`);
            } catch (error) {
                say(status, errorText(`“${account.username}” was not changed: `, error));
            }
        });
    });
    return button;
}
