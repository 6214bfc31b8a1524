package org.jobsearch.discovery.ats;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Job descriptions are third-party HTML shown in our UI: jsoup's relaxed safelist (text formatting, lists, tables,
 * links over http(s)/mailto) without images, so no scripts, styles, event handlers or {@code javascript:} links.
 */
final class HtmlSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("img")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private HtmlSanitizer() {
    }

    /** The sanitized HTML, or null when nothing is left. */
    static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String clean = Jsoup.clean(html, "", SAFELIST, OUTPUT).strip();
        return clean.isEmpty() ? null : clean;
    }

    /** Text made safe to put between tags. */
    static String escape(String text) {
        return org.jsoup.nodes.Entities.escape(text == null ? "" : text);
    }
}
