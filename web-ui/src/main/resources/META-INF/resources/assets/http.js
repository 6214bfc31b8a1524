// JSON over the gateway: the session cookie authenticates, the XSRF-TOKEN cookie's value goes
// back in the X-XSRF-TOKEN header on every write (Spring Security's cookie CSRF pattern), and
// errors arrive as RFC 9457 Problem Details.

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

/** An HTTP error with the server's Problem Details (or what could be made of the answer). */
export class ProblemError extends Error {
    constructor(status, problem) {
        super(problem?.detail || problem?.title || `The server answered ${status}.`);
        this.status = status;
        this.problem = problem ?? {};
    }

    /** Field errors as {field, message}; fields are named by JSON pointer (/company) or by name. */
    get fieldErrors() {
        const errors = this.problem.errors ?? this.problem.fieldErrors ?? [];
        if (!Array.isArray(errors)) {
            return [];
        }
        return errors.map(error => ({
            field: String(error.pointer ?? error.field ?? '').replace(/^#?\//, ''),
            message: String(error.detail ?? error.message ?? error.reason ?? 'is invalid'),
        }));
    }
}

export function csrfToken() {
    const prefix = CSRF_COOKIE + '=';
    const cookie = document.cookie.split(';').map(part => part.trim()).find(part => part.startsWith(prefix));
    return cookie ? decodeURIComponent(cookie.slice(prefix.length)) : '';
}

export async function getJson(url) {
    return request('GET', url);
}

export async function postJson(url, body) {
    return request('POST', url, body);
}

export async function putJson(url, body) {
    return request('PUT', url, body);
}

export async function patchJson(url, body) {
    return request('PATCH', url, body);
}

/** DELETE; the answer is usually 204 (null here). */
export async function deleteJson(url) {
    return request('DELETE', url);
}

/** A write whose body is not JSON (a CSV file): sent as it is, with the given content type. */
export async function postRaw(url, body, contentType) {
    return request('POST', url, body, contentType);
}

/** Ends the session; the server clears the session and CSRF cookies. */
export async function logout() {
    await fetch('/logout', {method: 'POST', headers: {[CSRF_HEADER]: csrfToken()}, credentials: 'same-origin'});
    window.location.assign('/login?logout');
}

async function request(method, url, body, rawContentType) {
    const headers = {'Accept': 'application/json, application/problem+json'};
    if (method !== 'GET') {
        headers[CSRF_HEADER] = csrfToken();
    }
    if (body !== undefined) {
        headers['Content-Type'] = rawContentType ?? 'application/json';
    }
    let response;
    try {
        response = await fetch(url, {
            method,
            headers,
            body: body === undefined ? undefined : (rawContentType ? body : JSON.stringify(body)),
            credentials: 'same-origin',
        });
    } catch (networkError) {
        throw new ProblemError(0, {title: 'Network error', detail: 'The gateway could not be reached. Check your connection.'});
    }
    if (response.status === 401) {
        // the session ended (timeout, sign-out elsewhere): sign in again and come back here
        window.location.assign('/login');
        throw new ProblemError(401, {title: 'Unauthorized', detail: 'Your session has ended. Please sign in again.'});
    }
    const json = await readJson(response);
    if (!response.ok) {
        throw new ProblemError(response.status, json ?? {title: response.statusText});
    }
    return json;
}

async function readJson(response) {
    const type = response.headers.get('Content-Type') ?? '';
    if (!type.includes('json')) {
        return null;
    }
    try {
        return await response.json();
    } catch {
        return null;
    }
}
