package org.jobsearch.rest;

import java.util.List;

/** Bean Validation property paths and Jackson paths as JSON pointers (RFC 6901). */
final class JsonPointers {

    private JsonPointers() {
    }

    /**
     * {@code job.company} → {@code /job/company}, {@code items[0].name} → {@code /items/0/name},
     * {@code tags[remote]} → {@code /tags/remote}; an empty path is the whole document, {@code ""}.
     */
    static String fromPropertyPath(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[' || c == ']') {
                flush(pointer, token);
            } else {
                token.append(c);
            }
        }
        flush(pointer, token);
        return pointer.toString();
    }

    /** A pointer from the property names and indexes Jackson reports for a value it could not read. */
    static String fromSegments(List<Object> segments) {
        StringBuilder pointer = new StringBuilder();
        for (Object segment : segments) {
            pointer.append('/').append(escape(String.valueOf(segment)));
        }
        return pointer.toString();
    }

    private static void flush(StringBuilder pointer, StringBuilder token) {
        if (!token.isEmpty()) {
            pointer.append('/').append(escape(token.toString()));
            token.setLength(0);
        }
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
