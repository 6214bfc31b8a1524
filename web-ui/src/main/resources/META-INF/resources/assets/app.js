// The shell: who is signed in, sign-out, and a History API router that renders one page module
// into <main>. Every deep link (/applications/<id>, ...) is served this same index.html by the
// gateway, so the router decides what to show.

import {h, replaceChildren} from './dom.js';
import {getJson, logout} from './http.js';
import * as appliedJobs from './pages/applied-jobs.js';
import * as application from './pages/application.js';
import * as company from './pages/company.js';
import * as costs from './pages/costs.js';
import * as experience from './pages/experience.js';
import * as interviewPrep from './pages/interview-prep.js';
import * as jobs from './pages/jobs.js';
import * as metrics from './pages/metrics.js';
import * as resume from './pages/resume.js';
import * as resumeDetail from './pages/resume-detail.js';
import * as settings from './pages/settings.js';
import * as upcomingInterviews from './pages/upcoming-interviews.js';

const routes = [
    {pattern: /^\/$/, redirect: '/applied-jobs'},
    {pattern: /^\/applied-jobs$/, page: appliedJobs, title: 'Applied jobs'},
    {pattern: /^\/jobs$/, page: jobs, title: 'Jobs'},
    {pattern: /^\/applications\/([^/]+)\/interview-prep$/, page: interviewPrep, title: 'Interview preparation'},
    {pattern: /^\/applications\/([^/]+)$/, page: application, title: 'Application'},
    {pattern: /^\/metrics$/, page: metrics, title: 'Metrics'},
    {pattern: /^\/company\/([^/]+)$/, page: company, title: 'Company'},
    {pattern: /^\/interviews\/upcoming$/, page: upcomingInterviews, title: 'Upcoming interviews'},
    {pattern: /^\/resume$/, page: resume, title: 'Resumes'},
    {pattern: /^\/resume\/([^/]+)$/, page: resumeDetail, title: 'Resume'},
    {pattern: /^\/experience$/, page: experience, title: 'Experience'},
    {pattern: /^\/costs$/, page: costs, title: 'LLM costs'},
    {pattern: /^\/settings(?:\/([^/]+))?$/, page: settings, title: 'Settings'},
];

const main = document.getElementById('main');
let leavePage = () => {};

function match(path) {
    for (const route of routes) {
        const found = route.pattern.exec(path);
        if (found) {
            // an optional part that is absent (/settings) stays undefined
            return {route, params: found.slice(1).map(part => part === undefined ? undefined : decodeURIComponent(part))};
        }
    }
    return null;
}

function render() {
    leavePage();
    leavePage = () => {};
    const path = window.location.pathname.replace(/\/+$/, '') || '/';
    const found = match(path);
    if (found?.route.redirect) {
        window.history.replaceState(null, '', found.route.redirect);
        render();
        return;
    }
    markCurrentNavigation(path);
    if (!found) {
        document.title = 'Not found · Job search';
        replaceChildren(main, h('h1', {}, 'Page not found'),
            h('p', {}, 'There is no page at ', h('code', {}, path), '. ', h('a', {href: '/'}, 'Go to the start page.')));
    } else {
        document.title = `${found.route.title} · Job search`;
        const cleanup = found.route.page.render(main, found.params);
        if (typeof cleanup === 'function') {
            leavePage = cleanup;
        }
    }
    // move focus to the new content, so screen readers announce the page change
    const heading = main.querySelector('h1');
    (heading ?? main).setAttribute('tabindex', '-1');
    (heading ?? main).focus({preventScroll: true});
}

function markCurrentNavigation(path) {
    for (const link of document.querySelectorAll('header nav a')) {
        const target = link.getAttribute('href');
        if (target !== '/' && (path === target || path.startsWith(target + '/'))) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    }
}

/** Same-origin links navigate inside the page; everything else (new tab, downloads) is left alone. */
function interceptLinks(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
    }
    const link = event.target.closest('a[href]');
    if (!link || link.target || link.hasAttribute('download')) {
        return;
    }
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) {
        return;
    }
    event.preventDefault();
    if (url.pathname !== window.location.pathname || url.search !== window.location.search) {
        window.history.pushState(null, '', url.pathname + url.search);
    }
    render();
}

async function showSignedInUser() {
    const target = document.getElementById('signed-in-as');
    try {
        const me = await getJson('/api/me');
        const role = me.roles.includes('ADMIN') ? ' (admin)' : '';
        replaceChildren(target, 'Signed in as ', h('strong', {}, me.username), role);
    } catch (error) {
        replaceChildren(target, h('span', {class: 'error'}, 'Could not load your account.'));
    }
}

document.addEventListener('click', interceptLinks);
window.addEventListener('popstate', render);
document.getElementById('logout').addEventListener('click', () => logout());
showSignedInUser();
render();
