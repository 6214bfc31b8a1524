// The line the resume pages show about the model in use: provider and model (or the offline
// provider), and what is left of the caller's budget, from GET /api/resumes/llm/status.

import {h, replaceChildren} from '../dom.js';
import {getJson} from '../http.js';

export async function llmStatusLine(state, target) {
    try {
        const status = await getJson('/api/resumes/llm/status');
        if (!state.alive) {
            return;
        }
        const budget = status.budget;
        replaceChildren(target, h('small', {},
            status.offline
                ? [h('strong', {}, 'Offline provider'), ': bullets are selected from your experience without a model (no cost).']
                : ['Model: ', h('strong', {}, `${status.provider} / ${status.model}`), '.'],
            ` Budget left this ${budget.period}: `, h('strong', {id: 'llm-budget-left'}, usd(budget.remaining)),
            ` of ${usd(budget.limit)} (spent ${usd(budget.spent)}).`));
    } catch (error) {
        if (state.alive) {
            replaceChildren(target, h('small', {class: 'error'}, `The LLM status could not be loaded (${error.message}).`));
        }
    }
}

function usd(value) {
    return `$${Number(value ?? 0).toFixed(2)}`;
}
