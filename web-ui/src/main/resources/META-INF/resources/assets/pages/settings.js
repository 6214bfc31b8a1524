// Settings: one address per section (/settings/companies, /settings/search, /settings/templates,
// /settings/account, /settings/users) under a local navigation. /settings shows the companies. The
// users section is listed only for administrators; the gateway answers 403 to anyone else anyway.

import {h, replaceChildren} from '../dom.js';
import {getJson} from '../http.js';
import {errorText} from '../ui.js';
import * as companies from './settings-companies.js';
import * as searchConfigs from './settings-search.js';
import * as templates from './settings-templates.js';
import * as account from './settings-account.js';
import * as users from './settings-users.js';

const SECTIONS = [
    {key: 'companies', title: 'Companies', module: companies},
    {key: 'search', title: 'Search configs', module: searchConfigs},
    {key: 'templates', title: 'Resume templates', module: templates},
    {key: 'account', title: 'Account', module: account},
    {key: 'users', title: 'Users', module: users, adminOnly: true},
];

export function render(main, [sectionKey]) {
    const state = {alive: true, cleanup: null};
    const section = SECTIONS.find(candidate => candidate.key === (sectionKey ?? 'companies'));
    const navigation = h('nav', {'aria-label': 'Settings sections', class: 'settings-nav'});
    const content = h('div', {id: 'settings-content'});
    replaceChildren(main, h('h1', {}, 'Settings'), navigation, content);
    if (!section) {
        replaceChildren(content, h('p', {}, 'There is no settings section ', h('code', {}, sectionKey), '. ',
            h('a', {href: '/settings'}, 'Go to the settings.')));
    }
    getJson('/api/me').then(me => {
        if (!state.alive) {
            return;
        }
        const admin = (me.roles ?? []).includes('ADMIN');
        replaceChildren(navigation, h('ul', {}, SECTIONS.filter(candidate => admin || !candidate.adminOnly).map(candidate =>
            h('li', {}, h('a', {
                href: `/settings/${candidate.key}`,
                id: `settings-nav-${candidate.key}`,
                'aria-current': candidate === section ? 'page' : null,
            }, candidate.title)))));
        if (!section) {
            return;
        }
        if (section.adminOnly && !admin) {
            replaceChildren(content, h('h2', {}, section.title),
                h('p', {class: 'notice', role: 'note'}, 'Only administrators manage users.'));
            return;
        }
        state.cleanup = section.module.render(content, {me, admin});
    }).catch(error => {
        if (state.alive) {
            replaceChildren(content, errorText('Your account could not be loaded: ', error));
        }
    });
    return () => {
        state.alive = false;
        if (typeof state.cleanup === 'function') {
            state.cleanup();
        }
    };
}
