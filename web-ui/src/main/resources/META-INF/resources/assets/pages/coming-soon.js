// Pages whose feature is not built yet. Each says what it will show and which feature brings it,
// instead of showing made-up data.

import {h, replaceChildren} from '../dom.js';

function notice(title, whatItShows, arrivesWith, ...extra) {
    return {
        render(main) {
            replaceChildren(main,
                h('h1', {}, title),
                h('p', {}, whatItShows),
                h('p', {class: 'notice', role: 'note'}, 'This page arrives with ', h('strong', {}, arrivesWith), '.'),
                ...extra);
        },
    };
}

function withParams(build) {
    return {render: (main, params) => build(...params).render(main)};
}

export const jobs = notice('Jobs',
    'Job listings from the companies you follow, filtered by review status (new, interested, dismissed, applied).',
    'the discovery service\'s listings');

export const metrics = notice('Metrics',
    'Your application funnel: applications, callbacks, interviews and outcomes over time.',
    'the tracker\'s metrics');

export const upcomingInterviews = notice('Upcoming interviews',
    'Your scheduled interviews, soonest first, each with its stage, format and preparation.',
    'the tracker\'s interviews');

export const resume = notice('Resume',
    'Review a tailored resume, edit its bullets, re-render it and preview the PDF.',
    'the resume service');

export const settings = notice('Settings',
    'Companies you follow, search configs, your experience base, resume templates, the LLM provider and its cost.',
    'the discovery and resume services\' settings');

export const application = withParams(id => notice('Application',
    'The application\'s status history, its interviews from the tracker and your debrief notes from interview preparation.',
    'the tracker\'s application page',
    h('p', {}, 'Application ', h('code', {}, id), ' · ',
        h('a', {href: `/applications/${encodeURIComponent(id)}/interview-prep`}, 'Interview preparation'), ' · ',
        h('a', {href: '/applied-jobs'}, 'Back to applied jobs'))));

export const interviewPrep = withParams(id => notice('Interview preparation',
    'Preparation material generated for this application and for each of its interviews, with your notes.',
    'the interview-prep service',
    h('p', {}, 'Application ', h('code', {}, id), ' · ',
        h('a', {href: `/applications/${encodeURIComponent(id)}`}, 'Back to the application'))));

export const company = withParams(name => notice(`Company: ${name}`,
    'Your history with this company: past applications, interviews and their outcomes.',
    'the tracker\'s company history',
    h('p', {}, h('a', {href: '/applied-jobs'}, 'Back to applied jobs'))));
