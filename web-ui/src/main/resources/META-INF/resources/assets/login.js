// The login form is a plain POST to the gateway's /login. Spring Security wants the CSRF token
// there too, in the masked form it hands out per request, so it is fetched from /csrf first.

const form = document.getElementById('login-form');
const message = document.getElementById('login-message');
const submit = document.getElementById('login-submit');
const csrfInput = document.getElementById('csrf');

const params = new URLSearchParams(window.location.search);
if (params.has('error')) {
    message.textContent = 'Wrong user name or password, or the account is disabled.';
    message.classList.add('error');
} else if (params.has('logout')) {
    message.textContent = 'You have been signed out.';
}

async function loadCsrfToken() {
    try {
        const response = await fetch('/csrf', {headers: {'Accept': 'application/json'}, credentials: 'same-origin'});
        if (!response.ok) {
            throw new Error(`status ${response.status}`);
        }
        const token = await response.json();
        csrfInput.name = token.parameterName;
        csrfInput.value = token.token;
        submit.disabled = false;
    } catch (error) {
        message.textContent = 'The sign-in form could not be prepared (the gateway did not answer). Reload the page to try again.';
        message.classList.add('error');
    }
}

// "Sign in with <provider>" when the gateway is configured for OpenID Connect
async function loadLoginOptions() {
    try {
        const response = await fetch('/login/options', {headers: {'Accept': 'application/json'}, credentials: 'same-origin'});
        if (!response.ok) {
            return;
        }
        const options = await response.json();
        if (options.oidc) {
            const link = document.getElementById('login-oidc-link');
            link.textContent = `Sign in with ${options.oidc.name}`;
            link.href = options.oidc.url;
            document.getElementById('login-oidc').hidden = false;
        }
    } catch (error) {
        // the password form still works
    }
}

form.addEventListener('submit', () => {
    submit.setAttribute('aria-busy', 'true');
});

loadCsrfToken();
loadLoginOptions();
