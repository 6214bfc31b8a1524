// Settings › Account: change the password (POST /api/me/password) and manage personal API tokens
// (GET/POST /api/me/tokens, DELETE /api/me/tokens/{id}). A new token's secret is in the creating
// answer only, so it is shown once, with a copy button, and never again.

import {h, replaceChildren} from '../dom.js';
import {deleteJson, getJson, postJson, ProblemError} from '../http.js';
import {busy, clearFieldErrors, copyButton, errorText, field, liveStatus, say, showFormError, when} from '../ui.js';

export function render(content, {me}) {
    const state = {alive: true};
    replaceChildren(content,
        h('h2', {}, 'Account'),
        h('p', {}, 'Signed in as ', h('strong', {}, me.username), '.'),
        passwordForm(),
        tokensSection(state));
    return () => {
        state.alive = false;
    };
}

function passwordForm() {
    const status = liveStatus();
    status.id = 'password-status';
    const password = (name, labelText, autocomplete, hint) => field(labelText, h('input', {type: 'password', name,
        id: `account-${name}`, autocomplete, required: true, maxlength: 200}), hint);
    const submit = h('button', {type: 'submit', id: 'password-submit'}, 'Change password');
    const form = h('form', {id: 'password-form', 'aria-labelledby': 'password-heading', novalidate: true},
        h('h3', {id: 'password-heading'}, 'Change password'),
        password('currentPassword', 'Current password', 'current-password'),
        h('div', {class: 'grid'},
            password('newPassword', 'New password', 'new-password', '12 to 72 characters (fewer when they are not plain ASCII: at most 72 bytes).'),
            password('repeatPassword', 'New password again', 'new-password')),
        submit,
        status);
    form.addEventListener('submit', event => {
        event.preventDefault();
        clearFieldErrors(form);
        const data = new FormData(form);
        const body = {currentPassword: String(data.get('currentPassword') ?? ''), newPassword: String(data.get('newPassword') ?? '')};
        if (body.newPassword !== String(data.get('repeatPassword') ?? '')) {
            showFormError(form, status, 'Not changed: ', new ProblemError(400, {detail: 'the new passwords differ',
                errors: [{pointer: '/repeatPassword', detail: 'does not match the new password'}]}));
            return;
        }
        busy(submit, async () => {
            try {
                await postJson('/api/me/password', body);
                form.reset();
                say(status, 'Your password is changed. Use the new one the next time you sign in.');
            } catch (error) {
                showFormError(form, status, 'Not changed: ', error);
            }
        });
    });
    return form;
}

function tokensSection(state) {
    const status = liveStatus();
    status.id = 'tokens-status';
    const created = h('div', {id: 'new-token'});
    const list = h('div', {id: 'tokens-list'});
    const reload = () => loadTokens(state, list, status, reload);
    const submit = h('button', {type: 'submit', id: 'token-submit'}, 'Create token');
    const form = h('form', {id: 'token-form', novalidate: true},
        h('div', {class: 'grid'},
            field('Token name', h('input', {name: 'name', id: 'token-name', required: true, maxlength: 100,
                placeholder: 'e.g. laptop script'})),
            field('Expires after (days, optional)', h('input', {type: 'number', name: 'expiresInDays', id: 'token-expires',
                min: 1, max: 3650}), 'Empty: never expires; revoke it when you no longer need it.')),
        submit);
    form.addEventListener('submit', event => {
        event.preventDefault();
        clearFieldErrors(form);
        const data = new FormData(form);
        const days = String(data.get('expiresInDays') ?? '').trim();
        const body = {name: String(data.get('name') ?? '').trim(), expiresInDays: days ? Number(days) : null};
        busy(submit, async () => {
            try {
                const answer = await postJson('/api/me/tokens', body);
                form.reset();
                const secret = h('input', {id: 'new-token-secret', readonly: true, value: answer.secret,
                    'aria-label': `Secret of the token ${answer.token.name}`});
                const copyStatus = liveStatus();
                replaceChildren(created, h('article', {class: 'secret'},
                    h('p', {}, h('strong', {}, `Token “${answer.token.name}” created. `),
                        'Copy its secret now: it is not shown again. Scripts send it as ',
                        h('code', {}, 'Authorization: Bearer <secret>'), '.'),
                    h('div', {class: 'copy-row'}, secret, copyButton(secret, copyStatus)),
                    copyStatus));
                await reload();
                say(status, `Token “${answer.token.name}” created.`);
            } catch (error) {
                showFormError(form, status, 'No token created: ', error);
            }
        });
    });
    reload();
    return h('section', {'aria-labelledby': 'tokens-heading'},
        h('h3', {id: 'tokens-heading'}, 'Personal API tokens'),
        h('p', {}, 'For scripts: a token acts as you, without your password. Revoke one you no longer use.'),
        form,
        created,
        status,
        list);
}

async function loadTokens(state, list, status, reload) {
    list.setAttribute('aria-busy', 'true');
    // only the latest load renders: an earlier answer arriving late must not bring back a removed row
    const ticket = (state.loads = (state.loads ?? 0) + 1);
    try {
        const tokens = await getJson('/api/me/tokens');
        if (!state.alive || ticket !== state.loads) {
            return;
        }
        replaceChildren(list, tokens.length ? h('table', {class: 'striped'},
            h('thead', {}, h('tr', {}, ['Name', 'Starts with', 'Created', 'Expires', 'Last used', 'State', '']
                .map(text => h('th', {scope: 'col'}, text)))),
            h('tbody', {}, tokens.map(token => h('tr', {'data-token-id': token.id, 'data-token-name': token.name},
                h('th', {scope: 'row'}, token.name),
                h('td', {}, h('code', {}, `${token.prefix}…`)),
                h('td', {}, when(token.createdAt)),
                h('td', {}, token.expiresAt ? when(token.expiresAt) : 'Never'),
                h('td', {}, token.lastUsedAt ? when(token.lastUsedAt) : 'Not yet'),
                h('td', {class: 'token-state'}, tokenState(token)),
                h('td', {}, token.revokedAt ? null : revokeButton(token, status, reload))))))
            : h('p', {}, 'No tokens.'));
    } catch (error) {
        if (state.alive) {
            say(status, errorText('The tokens could not be loaded: ', error));
        }
    } finally {
        list.removeAttribute('aria-busy');
    }
}

function tokenState(token) {
    if (token.revokedAt) {
        return ['Revoked ', when(token.revokedAt)];
    }
    if (token.expiresAt && new Date(token.expiresAt) <= new Date()) {
        return 'Expired';
    }
    return 'Active';
}

function revokeButton(token, status, reload) {
    const button = h('button', {type: 'button', class: 'secondary outline'}, 'Revoke');
    button.addEventListener('click', () => {
        if (!window.confirm(`Revoke the token “${token.name}”? Scripts using it stop working at once.`)) {
            return;
        }
        busy(button, async () => {
            try {
                await deleteJson(`/api/me/tokens/${encodeURIComponent(token.id)}`);
                await reload();
                say(status, `Token “${token.name}” revoked.`);
            } catch (error) {
                say(status, errorText('Not revoked: ', error));
            }
        });
    });
    return button;
}
