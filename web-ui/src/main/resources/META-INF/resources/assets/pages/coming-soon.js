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

export const resume = notice('Resume',
    'Review a tailored resume, edit its bullets, re-render it and preview the PDF.',
    'the resume service');

export const settings = notice('Settings',
    'Companies you follow, search configs, your experience base, resume templates, the LLM provider and its cost.',
    'the discovery and resume services\' settings');
