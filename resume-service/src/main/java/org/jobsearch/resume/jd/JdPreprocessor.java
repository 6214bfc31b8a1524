package org.jobsearch.resume.jd;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Removes a job description's boilerplate before any model sees it: about-us, benefits and perks, equal-opportunity
 * and salary-legal text. Every listed requirement and responsibility stays: bullets under a heading that is not
 * boilerplate are never dropped, and an unknown heading counts as content.
 *
 * <p>The text is read as sections: a heading (a short line without a sentence's end, a line ending with ':', a
 * markdown heading) opens one; a section whose heading names boilerplate is dropped whole. Inside the other sections
 * only paragraphs (never bullets) that read as boilerplate are dropped.
 */
public final class JdPreprocessor {

    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•·▪◦–]|\\d{1,2}[.)])\\s+.*");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+.*|^\\*\\*[^*]+\\*\\*:?$");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!]\\s*$");

    /** Headings of sections that are boilerplate as a whole. */
    private static final Pattern BOILERPLATE_HEADING = Pattern.compile(String.join("|",
            "\\babout (us|the company|our company|the organization)\\b",
            "^about (?!the (role|job|position|team|opportunity)|you|this)[\\p{L}0-9&.' -]{2,40}$",
            "\\bwho we are\\b", "\\bour (story|mission|values|culture|company)\\b", "\\blife at\\b",
            "\\bwhy (join|work|you'?ll love)", "^why [\\p{L}0-9&.' -]{2,30}\\??$",
            "\\bbenefits?\\b", "\\bperks?\\b", "\\bwhat we offer\\b", "\\bwe offer\\b", "\\bin return\\b",
            "\\bwhat'?s in it for you\\b", "\\bcompensation\\b", "\\btotal rewards\\b",
            "\\bequal (employment )?opportunity\\b", "\\beeo\\b", "\\bdiversity\\b", "\\binclusion\\b",
            "\\baccommodations?\\b", "\\bprivacy\\b", "\\bpay transparency\\b", "\\blegal\\b", "\\bdisclaimer\\b"));

    /** Paragraphs that are boilerplate wherever they stand (bullets under a content heading are never tested). */
    private static final Pattern BOILERPLATE_PARAGRAPH = Pattern.compile(String.join("|",
            // equal opportunity, accommodation, e-verify
            "equal (employment )?opportunity", "without regard to", "protected veteran", "sexual orientation",
            "\\baccommodations?\\b", "e-verify", "affirmative action", "fair chance",
            // benefits and perks
            "401\\(?k\\)?", "medical,? dental", "dental,? (and )?vision", "paid time off", "\\bpto\\b",
            "parental leave", "wellness (stipend|program)", "health insurance", "tuition reimbursement",
            "unlimited vacation", "stock options", "free (lunch|meals|snacks)", "gym membership",
            // salary-legal: pay transparency and range disclaimers
            "pay transparency", "good[- ]faith (estimate|range)", "equal pay (for equal work )?act",
            "actual (compensation|pay|salary)", "(compensation|pay|salary) (will )?(may )?var(y|ies)",
            "(depend(s|ing)?|based) on (a )?(variety|number|range) of factors", "full range of .*benefits", "in compliance with .* (law|act)",
            "required by (state|local|applicable) law",
            // about-us narration
            "\\bfounded in\\b", "\\bheadquartered in\\b", "\\bwe are a (leading|fast-growing|global)",
            "\\bour mission is\\b", "\\bwe move fast\\b", "\\bbacked by\\b.*\\binvestors\\b",
            "\\brecruit(ing)? agencies\\b", "\\bunsolicited resumes?\\b"), Pattern.CASE_INSENSITIVE);

    private JdPreprocessor() {
    }

    /** The JD's text without its boilerplate; HTML is first turned into text (one bullet per list item). */
    public static String clean(String jd) {
        String text = looksLikeHtml(jd) ? htmlToText(jd) : jd.replace("\r\n", "\n").replace('\r', '\n');
        List<String> kept = new ArrayList<>();
        boolean dropSection = false;
        boolean sectionSeen = false;
        for (String block : paragraphs(text)) {
            List<String> keptLines = new ArrayList<>();
            for (String line : block.split("\n")) {
                String trimmed = line.strip();
                if (isHeading(trimmed)) {
                    dropSection = isBoilerplateHeading(trimmed);
                    sectionSeen = true;
                    if (!dropSection) {
                        keptLines.add(trimmed);
                    }
                    continue;
                }
                if (dropSection) {
                    continue;
                }
                boolean bullet = BULLET.matcher(trimmed).matches();
                // a bullet under a content heading is a listed requirement or responsibility: always kept
                if (bullet && sectionSeen) {
                    keptLines.add(trimmed);
                } else if (!BOILERPLATE_PARAGRAPH.matcher(trimmed).find()) {
                    keptLines.add(trimmed);
                }
            }
            if (!keptLines.isEmpty()) {
                kept.add(String.join("\n", keptLines));
            }
        }
        return dropTrailingHeadings(kept);
    }

    /** A section heading left with nothing under it (its content was boilerplate) goes too. */
    private static String dropTrailingHeadings(List<String> blocks) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String block = blocks.get(i);
            boolean headingOnly = !block.contains("\n") && isHeading(block);
            boolean nextIsHeadingOrEnd = i + 1 >= blocks.size()
                    || isHeading(blocks.get(i + 1).split("\n", 2)[0]);
            // the first block is the posting's title, never an emptied section
            if (i > 0 && headingOnly && nextIsHeadingOrEnd) {
                continue;
            }
            result.add(block);
        }
        return String.join("\n\n", result).strip();
    }

    static boolean isHeading(String line) {
        if (line.isEmpty() || line.length() > 70 || BULLET.matcher(line).matches()) {
            return false;
        }
        if (MARKDOWN_HEADING.matcher(line).matches()) {
            return true;
        }
        if (line.endsWith(":")) {
            return line.split("\\s+").length <= 8;
        }
        return !SENTENCE_END.matcher(line).matches() && line.split("\\s+").length <= 6
                && !line.matches(".*[,;]\\s.*") && !line.matches(".*\\d.*")
                && Character.isUpperCase(line.codePointAt(0));
    }

    static boolean isBoilerplateHeading(String heading) {
        String normalized = heading.replaceAll("^#+\\s*|\\*\\*|:$", "").strip().toLowerCase(Locale.ROOT)
                .replace('’', '\'');
        return Pattern.compile(BOILERPLATE_HEADING.pattern()).matcher(normalized).find();
    }

    /** Blocks separated by blank lines; a heading line inside a block still opens its own section. */
    private static List<String> paragraphs(String text) {
        List<String> blocks = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            if (!block.isBlank()) {
                blocks.add(block.strip());
            }
        }
        return blocks;
    }

    private static boolean looksLikeHtml(String text) {
        return Pattern.compile("<(p|li|ul|ol|br|div|h[1-6]|strong|b)\\b[^>]*>", Pattern.CASE_INSENSITIVE)
                .matcher(text).find();
    }

    /** Block elements become paragraphs, list items "- " bullets, headings their own lines. */
    public static String htmlToText(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        StringBuilder out = new StringBuilder();
        appendText(document.body(), out);
        return out.toString().replaceAll("[ \\t\\u00A0]+", " ").replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void appendText(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(text.text());
            } else if (child instanceof Element element) {
                String tag = element.normalName();
                switch (tag) {
                    case "li" -> {
                        out.append("\n- ");
                        appendText(element, out);
                        out.append('\n');
                    }
                    case "br" -> out.append('\n');
                    case "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "header" -> {
                        out.append("\n\n");
                        appendText(element, out);
                        out.append("\n\n");
                    }
                    default -> appendText(element, out);
                }
            }
        }
    }
}
