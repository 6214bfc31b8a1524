package org.jobsearch.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real HTTP client against the running gateway. With {@link #browser} it keeps cookies like a
 * browser (session, XSRF-TOKEN); with {@link #script} it keeps none and sends Basic credentials.
 * Redirects are never followed, so tests see them.
 */
public final class GatewayClient {

    private final String baseUrl;
    private final CookieManager cookies;
    private final HttpClient http;
    private final String basicAuthorization;

    private GatewayClient(int port, boolean keepCookies, String basicAuthorization) {
        this.baseUrl = "http://localhost:" + port;
        this.cookies = keepCookies ? new CookieManager(null, CookiePolicy.ACCEPT_ALL) : null;
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        this.http = builder.build();
        this.basicAuthorization = basicAuthorization;
    }

    public static GatewayClient browser(int port) {
        return new GatewayClient(port, true, null);
    }

    public static GatewayClient script(int port, String username, String password) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new GatewayClient(port, false, "Basic " + credentials);
    }

    /** A script authenticating with a personal API token. */
    public static GatewayClient bearer(int port, String token) {
        return new GatewayClient(port, false, "Bearer " + token);
    }

    public static GatewayClient anonymous(int port) {
        return new GatewayClient(port, false, null);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> patchJson(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs in through the login form, the way login.html does: token from /csrf, then a form POST. */
    public HttpResponse<String> signIn(String username, String password) {
        String csrfJson = get("/csrf").body();
        String token = csrfJson.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", token);
        return postForm("/login", form);
    }

    /** The XSRF-TOKEN cookie's value, which the UI sends back in X-XSRF-TOKEN. */
    public String xsrfToken() {
        return cookie("XSRF-TOKEN");
    }

    public String cookie(String name) {
        if (cookies == null) {
            return null;
        }
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (basicAuthorization != null) {
            builder.header("Authorization", basicAuthorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
