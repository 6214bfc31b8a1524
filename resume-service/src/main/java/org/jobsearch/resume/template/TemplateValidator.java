package org.jobsearch.resume.template;

import org.jobsearch.resume.render.ResumeDocument;
import org.jobsearch.resume.render.ResumeRenderer;
import org.jobsearch.resume.render.ResumeTemplate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a user template before it is stored, so a bad one is a 400 naming the problem and never a broken PDF:
 * well-formed XHTML with the four slots the renderer fills; no scripts and nothing fetched from outside (no URL,
 * no {@code <link>}, {@code @import}, {@code url(…)}); only CSS 2.1 properties (openhtmltopdf lays out CSS 2.1:
 * flexbox or grid would silently collapse); and a sample resume renders to a PDF without an error.
 */
@Component
class TemplateValidator {

    static final List<String> SLOTS = List.of("name", "contact", "experience", "skills");

    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "link", "iframe", "object", "embed",
            "frame", "frameset", "base", "img", "svg", "video", "audio", "source", "form", "input", "applet");
    private static final Pattern URL = Pattern.compile(
            "(?i)(\\bhttps?:|\\bftp:|\\bfile:|\\bjavascript:|\\bdata:|//[a-z0-9])");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern BLOCK = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern LAYOUT_VALUE = Pattern.compile(
            "(?i)^(flex|inline-flex|grid|inline-grid|contents)$");
    private static final Pattern CSS3_FUNCTION = Pattern.compile("(?i)\\b(var|calc|min|max|clamp|env)\\(");

    /** CSS 2.1's properties (its property index), the {@code @page} size, and openhtmltopdf's own {@code -fs-*}. */
    private static final Set<String> CSS21 = Set.of("azimuth", "background", "background-attachment",
            "background-color", "background-image", "background-position", "background-repeat", "border",
            "border-collapse", "border-color", "border-spacing", "border-style", "border-top", "border-right",
            "border-bottom", "border-left", "border-top-color", "border-right-color", "border-bottom-color",
            "border-left-color", "border-top-style", "border-right-style", "border-bottom-style", "border-left-style",
            "border-top-width", "border-right-width", "border-bottom-width", "border-left-width", "border-width",
            "bottom", "caption-side", "clear", "clip", "color", "content", "counter-increment", "counter-reset",
            "cursor", "direction", "display", "empty-cells", "float", "font", "font-family", "font-size",
            "font-style", "font-variant", "font-weight", "height", "left", "letter-spacing", "line-height",
            "list-style", "list-style-image", "list-style-position", "list-style-type", "margin", "margin-top",
            "margin-right", "margin-bottom", "margin-left", "max-height", "max-width", "min-height", "min-width",
            "orphans", "outline", "outline-color", "outline-style", "outline-width", "overflow", "padding",
            "padding-top", "padding-right", "padding-bottom", "padding-left", "page-break-after",
            "page-break-before", "page-break-inside", "position", "quotes", "right", "table-layout", "text-align",
            "text-decoration", "text-indent", "text-transform", "top", "unicode-bidi", "vertical-align",
            "visibility", "white-space", "widows", "width", "word-spacing", "z-index", "size");

    private final ResumeRenderer renderer;

    TemplateValidator(ResumeRenderer renderer) {
        this.renderer = renderer;
    }

    /** @throws InvalidTemplateException naming each problem by {@code /html} or {@code /css} */
    void validate(TemplateInput input) {
        String html = input.html();
        String css = input.css() == null ? "" : input.css();
        List<InvalidTemplateException.Problem> problems = new ArrayList<>();
        Set<String> roleKeys = new HashSet<>();
        Set<Integer> orders = new HashSet<>();
        for (int i = 0; i < input.roleConfigs().size(); i++) {
            RoleConfig config = input.roleConfigs().get(i);
            if (!roleKeys.add(config.roleKey())) {
                problems.add(new InvalidTemplateException.Problem("/roleConfigs/" + i + "/roleKey",
                        "configures the role '" + config.roleKey() + "' a second time"));
            }
            if (!orders.add(config.order())) {
                problems.add(new InvalidTemplateException.Problem("/roleConfigs/" + i + "/order",
                        "is the order of another role config"));
            }
        }
        String xmlError = xmlError(html);
        if (xmlError != null) {
            problems.add(new InvalidTemplateException.Problem("/html", "is not well-formed XHTML: " + xmlError));
        } else {
            Document doc = Jsoup.parse(html);
            htmlProblems(doc).forEach(p -> problems.add(new InvalidTemplateException.Problem("/html", p)));
            StringBuilder inline = new StringBuilder();
            doc.select("style").forEach(style -> inline.append(style.data()).append('\n'));
            cssProblems(inline.toString(), false)
                    .forEach(p -> problems.add(new InvalidTemplateException.Problem("/html", p)));
            doc.select("[style]").forEach(e -> cssProblems("x{" + e.attr("style") + "}", false)
                    .forEach(p -> problems.add(new InvalidTemplateException.Problem("/html",
                            "style attribute of <" + e.tagName() + ">: " + p))));
        }
        cssProblems(css, true).forEach(p -> problems.add(new InvalidTemplateException.Problem("/css", p)));
        if (problems.isEmpty()) {
            try {
                renderer.render(SAMPLE, new ResumeRenderer.Layout(html, css),
                        ResumeTemplate.Style.valueOf(input.styleVariant().toUpperCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                problems.add(new InvalidTemplateException.Problem("/html",
                        "a sample resume could not be rendered with it: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException(problems);
        }
    }

    /** The parser's first complaint with its line, or null when the document is well-formed XML. */
    private static String xmlError(String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // a DOCTYPE may be present, but nothing it names is ever loaded
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            builder.parse(new InputSource(new StringReader(html)));
            return null;
        } catch (SAXParseException e) {
            return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage();
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    private static List<String> htmlProblems(Document doc) {
        List<String> problems = new ArrayList<>();
        for (String slot : SLOTS) {
            if (doc.selectFirst("[data-slot=" + slot + "]") == null) {
                problems.add("has no element with data-slot=\"" + slot + "\" (the renderer fills name, contact, "
                        + "experience and skills)");
            }
        }
        Set<String> reported = new HashSet<>();
        for (Element element : doc.getAllElements()) {
            String tag = element.tagName().toLowerCase(Locale.ROOT);
            if (FORBIDDEN_ELEMENTS.contains(tag) && reported.add("<" + tag + ">")) {
                problems.add(tag.equals("script") ? "contains a <script>: templates may not run scripts"
                        : "contains <" + tag + ">: templates may not load or embed external resources");
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                    continue; // a namespace name is an identifier, never fetched
                }
                if (name.startsWith("on") && reported.add("on")) {
                    problems.add("has an event handler attribute (" + name + "): templates may not run scripts");
                } else if (URL.matcher(attribute.getValue()).find() && reported.add("url:" + name)) {
                    problems.add("attribute " + name + " of <" + tag + "> names an external resource ("
                            + attribute.getValue().strip() + "): templates may not load anything");
                }
            }
        }
        if (URL.matcher(doc.text()).find() && reported.add("text-url")) {
            problems.add("contains a URL in its text: templates may not reference external resources");
        }
        return problems;
    }

    /** @param standalone the separate {@code css} field: {@code <style>} markup in it is a mistake worth naming */
    static List<String> cssProblems(String css, boolean standalone) {
        List<String> problems = new ArrayList<>();
        String text = COMMENT.matcher(css).replaceAll(" ");
        if (standalone && text.contains("<")) {
            problems.add("contains markup: give plain CSS, without <style>");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("@import")) {
            problems.add("uses @import: templates may not load external stylesheets");
        }
        if (lower.contains("@font-face")) {
            problems.add("uses @font-face: resumes use the embedded Carlito font only");
        }
        if (lower.contains("url(")) {
            problems.add("uses url(…): templates may not load external resources");
        }
        if (lower.contains("expression(") || lower.contains("javascript:")) {
            problems.add("contains script: templates may not run scripts");
        }
        Matcher urls = URL.matcher(text);
        if (!lower.contains("url(") && urls.find()) {
            problems.add("names an external resource (" + urls.group() + "…): templates may not load anything");
        }
        Set<String> reported = new HashSet<>();
        Matcher blocks = BLOCK.matcher(text);
        while (blocks.find()) {
            for (String declaration : blocks.group(1).split(";")) {
                int colon = declaration.indexOf(':');
                if (declaration.isBlank()) {
                    continue;
                }
                if (colon < 0) {
                    if (reported.add("malformed:" + declaration.strip())) {
                        problems.add("has a malformed declaration: " + declaration.strip());
                    }
                    continue;
                }
                String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = declaration.substring(colon + 1).replace("!important", "").strip();
                if (!CSS21.contains(property) && !property.startsWith("-fs-")) {
                    if (reported.add(property)) {
                        problems.add("uses the property '" + property + "', which is not CSS 2.1 (the PDF renderer "
                                + "lays out CSS 2.1 only)");
                    }
                } else if (property.equals("display") && LAYOUT_VALUE.matcher(value).matches()) {
                    if (reported.add("display:" + value)) {
                        problems.add("uses display: " + value + ", which is not CSS 2.1: lay out with blocks "
                                + "and tables");
                    }
                } else if (CSS3_FUNCTION.matcher(value).find() && reported.add("function:" + property)) {
                    problems.add("uses a CSS3 function in '" + property + ": " + value + "', which the PDF "
                            + "renderer does not support");
                }
            }
        }
        return problems;
    }

    private static final ResumeDocument SAMPLE = new ResumeDocument(
            new ResumeDocument.Contact("Alex Sample", "alex@example.com", "(555) 010-0000", "Denver, CO",
                    List.of("linkedin.com/in/alex")),
            List.of(new ResumeDocument.Role("Senior Engineer", "Sample Corp", "Remote", LocalDate.of(2021, 3, 1), null,
                            List.of("Built a sample service, cutting latency by 40%",
                                    "Led a sample migration of 12 services with no downtime")),
                    new ResumeDocument.Role("Engineer", "Example Ltd", "Austin, TX", LocalDate.of(2017, 6, 1),
                            LocalDate.of(2021, 2, 28), List.of("Automated sample reports, saving 6 hours a week"))),
            List.of(new ResumeDocument.SkillsLine("Languages", List.of("Java", "SQL", "Python"))));
}
