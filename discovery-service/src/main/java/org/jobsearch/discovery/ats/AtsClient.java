package org.jobsearch.discovery.ats;

import java.net.URI;

/** One platform's client: where a config's requests go, and its postings normalized. */
interface AtsClient<C extends AtsConfig> {

    /** The base URI every request for {@code config} starts with (its host is the politeness key). */
    URI base(C config);

    /**
     * The postings of {@code config} (at most {@code max-postings}), handed to {@code out} as they arrive; the client
     * flushes {@code out} before returning and stops as soon as it wants no more.
     *
     * @throws AtsFetchException when the board cannot be fetched (what was delivered before stays delivered)
     */
    void fetch(C config, String searchTerm, Batches out) throws InterruptedException;

    /** {@code base} + {@code path} (path starts with "/"; a base may carry a path prefix, e.g. a mirror's). */
    static URI join(URI base, String path) {
        String prefix = base.toString();
        if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        try {
            return URI.create(prefix + path);
        } catch (IllegalArgumentException unusable) {
            throw new AtsFetchException(FetchResult.Outcome.FAILED, "cannot build a URL from " + prefix + " and "
                    + path);
        }
    }

    /** The JSON array at {@code field}, or a failure naming what the response lacked. */
    static tools.jackson.databind.JsonNode array(tools.jackson.databind.JsonNode node, String field, String host) {
        tools.jackson.databind.JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new AtsFetchException(FetchResult.Outcome.FAILED, "unexpected response from " + host
                    + ": no '" + field + "' array");
        }
        return value;
    }
}
