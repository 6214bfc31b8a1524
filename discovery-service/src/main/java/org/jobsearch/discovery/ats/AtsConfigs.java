package org.jobsearch.discovery.ats;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Derives an {@link AtsConfig} from a public careers URL. Only the platforms' own career hosts are recognised:
 * a URL on any other host is an error, so a user-entered URL can only ever name a board, never a host to fetch.
 */
public final class AtsConfigs {

    private static final Pattern LOCALE = Pattern.compile("(?i)[a-z]{2}(-[a-z]{2})?");
    private static final String SUPPORTED = "expected a careers URL on *.myworkdayjobs.com, *.myworkdaysite.com, "
            + "boards.greenhouse.io, job-boards.greenhouse.io, jobs.lever.co, jobs.ashbyhq.com or jobs.smartrecruiters.com";

    private AtsConfigs() {
    }

    /**
     * The config a careers URL points at, e.g. {@code https://acme.wd5.myworkdayjobs.com/en-US/External} → Workday
     * host {@code acme.wd5.myworkdayjobs.com}, tenant {@code acme}, site {@code External}. A missing scheme means
     * https.
     *
     * @throws AtsConfigException naming what could not be derived
     */
    public static AtsConfig fromCareersUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new AtsConfigException("careers URL is empty; " + SUPPORTED);
        }
        String trimmed = url.strip();
        URI uri = parse(trimmed.contains("://") ? trimmed : "https://" + trimmed, url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new AtsConfigException("careers URL '" + url + "' is not an http(s) URL; " + SUPPORTED);
        }
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.getRawUserInfo() != null) {
            throw new AtsConfigException("careers URL '" + url + "' has no usable host; " + SUPPORTED);
        }
        List<String> path = segments(uri);
        if (host.endsWith(".myworkdayjobs.com")) {
            return workdayJobs(url, host, path);
        }
        if (host.endsWith(".myworkdaysite.com")) {
            return workdaySite(url, host, path);
        }
        return switch (host) {
            case "boards.greenhouse.io", "job-boards.greenhouse.io", "job-boards.eu.greenhouse.io",
                    "boards.eu.greenhouse.io" -> greenhouse(url, uri, path);
            case "boards-api.greenhouse.io" -> new GreenhouseConfig(after(url, path, "boards", "Greenhouse board token"));
            case "jobs.lever.co" -> new LeverConfig(first(url, path, "Lever site"), false);
            case "jobs.eu.lever.co" -> new LeverConfig(first(url, path, "Lever site"), true);
            case "api.lever.co" -> new LeverConfig(after(url, path, "postings", "Lever site"), false);
            case "api.eu.lever.co" -> new LeverConfig(after(url, path, "postings", "Lever site"), true);
            case "jobs.ashbyhq.com" -> new AshbyConfig(first(url, path, "Ashby organization"));
            case "api.ashbyhq.com" -> new AshbyConfig(after(url, path, "job-board", "Ashby organization"));
            case "jobs.smartrecruiters.com", "careers.smartrecruiters.com" ->
                    new SmartRecruitersConfig(first(url, path, "SmartRecruiters company identifier"));
            case "api.smartrecruiters.com" ->
                    new SmartRecruitersConfig(after(url, path, "companies", "SmartRecruiters company identifier"));
            default -> throw new AtsConfigException("cannot tell the ATS platform of '" + url + "': host " + host
                    + " is not a supported careers host; " + SUPPORTED);
        };
    }

    /** {@code https://{tenant}.{wdN}.myworkdayjobs.com[/{locale}]/{site}}, or the CXS API path itself. */
    private static WorkdayConfig workdayJobs(String url, String host, List<String> path) {
        String[] labels = host.split("\\.");
        if (labels.length < 4) {
            throw new AtsConfigException("cannot derive the Workday tenant from '" + url
                    + "': expected a host like {tenant}.wd5.myworkdayjobs.com");
        }
        if (path.size() >= 4 && path.get(0).equals("wday") && path.get(1).equals("cxs")) {
            return new WorkdayConfig(host, path.get(2), path.get(3));
        }
        List<String> rest = withoutLocale(path);
        if (rest.isEmpty()) {
            throw new AtsConfigException("cannot derive the Workday site from '" + url
                    + "': expected https://{tenant}.{wdN}.myworkdayjobs.com[/{locale}]/{site}");
        }
        return new WorkdayConfig(host, labels[0], rest.get(0));
    }

    /** {@code https://{wdN}.myworkdaysite.com[/{locale}]/recruiting/{tenant}/{site}}, or the CXS API path. */
    private static WorkdayConfig workdaySite(String url, String host, List<String> path) {
        if (path.size() >= 4 && path.get(0).equals("wday") && path.get(1).equals("cxs")) {
            return new WorkdayConfig(host, path.get(2), path.get(3));
        }
        List<String> rest = withoutLocale(path);
        if (rest.size() < 3 || !rest.get(0).equals("recruiting")) {
            throw new AtsConfigException("cannot derive the Workday tenant and site from '" + url
                    + "': expected https://{wdN}.myworkdaysite.com[/{locale}]/recruiting/{tenant}/{site}");
        }
        return new WorkdayConfig(host, rest.get(1), rest.get(2));
    }

    /** {@code boards.greenhouse.io/{token}}, or the embedded board {@code .../embed/job_board?for={token}}. */
    private static GreenhouseConfig greenhouse(String url, URI uri, List<String> path) {
        if (!path.isEmpty() && path.get(0).equals("embed")) {
            String query = uri.getQuery() == null ? "" : uri.getQuery();
            return Arrays.stream(query.split("&"))
                    .filter(p -> p.startsWith("for="))
                    .map(p -> new GreenhouseConfig(p.substring(4)))
                    .findFirst()
                    .orElseThrow(() -> new AtsConfigException("cannot derive the Greenhouse board token from '" + url
                            + "': the embedded board URL has no for= parameter"));
        }
        return new GreenhouseConfig(first(url, path, "Greenhouse board token"));
    }

    private static String first(String url, List<String> path, String what) {
        if (path.isEmpty()) {
            throw new AtsConfigException("cannot derive the " + what + " from '" + url
                    + "': the URL has no path after the host");
        }
        return path.get(0);
    }

    private static String after(String url, List<String> path, String marker, String what) {
        int at = path.indexOf(marker);
        if (at < 0 || at + 1 >= path.size()) {
            throw new AtsConfigException("cannot derive the " + what + " from '" + url + "': no segment after /"
                    + marker + "/");
        }
        return path.get(at + 1);
    }

    private static List<String> withoutLocale(List<String> path) {
        return !path.isEmpty() && LOCALE.matcher(path.get(0)).matches() ? path.subList(1, path.size()) : path;
    }

    /** Split before decoding: an encoded slash stays inside its segment (and then fails validation). */
    private static List<String> segments(URI uri) {
        List<String> segments = new ArrayList<>();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static URI parse(String candidate, String original) {
        try {
            return new URI(candidate);
        } catch (URISyntaxException e) {
            throw new AtsConfigException("careers URL '" + original + "' is not a valid URL: " + e.getReason());
        }
    }
}
