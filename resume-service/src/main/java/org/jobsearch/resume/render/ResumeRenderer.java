package org.jobsearch.resume.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Resume → one-page PDF with openhtmltopdf. The template is parsed with jsoup and every piece of user text is set as
 * a text node ({@link Element#text(String)}), never spliced into markup, then the tree goes to openhtmltopdf as a W3C
 * DOM: a bullet reading {@code </li><script>} stays those characters. Only the shipped Carlito faces are used and
 * embedded (subset), so the PDF looks the same on every machine and its text layer reads in document order.
 */
@Component
public class ResumeRenderer {

    /** The font every template names; the only one the renderer knows. */
    static final String FONT_FAMILY = "Carlito";
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);

    private final Map<ResumeTemplate, String> templates = new EnumMap<>(ResumeTemplate.class);
    private final Map<ResumeTemplate.Style, String> styles = new EnumMap<>(ResumeTemplate.Style.class);
    /** At most this many idle kits stay parsed (~4 MB each); more are made under load and then dropped. */
    private static final int MAX_IDLE_KITS = 4;

    private final List<Face> faces;
    /** Kits not in use right now, most recently used first; each is used by one render at a time. */
    private final Deque<Kit> kits = new ConcurrentLinkedDeque<>();

    static {
        XRLog.setLoggerImpl(new Slf4jXRLogger());
        CarlitoFontMapper.install();
    }

    public ResumeRenderer() {
        for (ResumeTemplate template : ResumeTemplate.values()) {
            templates.put(template, new String(resource(template.resource()), StandardCharsets.UTF_8));
        }
        for (ResumeTemplate.Style style : ResumeTemplate.Style.values()) {
            styles.put(style, new String(resource(style.resource()), StandardCharsets.UTF_8));
        }
        faces = List.of(
                new Face(resource("fonts/Carlito-Regular.ttf"), 400, FontStyle.NORMAL),
                new Face(resource("fonts/Carlito-Bold.ttf"), 700, FontStyle.NORMAL),
                new Face(resource("fonts/Carlito-Italic.ttf"), 400, FontStyle.ITALIC),
                new Face(resource("fonts/Carlito-BoldItalic.ttf"), 700, FontStyle.ITALIC));
        kits.add(new Kit(faces));
    }

    /**
     * Renders in the standard style, then compact, then dense, and returns the first that fits one page.
     *
     * @throws ResumeTooLongException when even the dense style needs more than one page
     */
    public Rendered render(ResumeDocument resume, ResumeTemplate template) {
        return fit(resume, layout(template), ResumeTemplate.Style.STANDARD);
    }

    /**
     * Renders in {@code first} and then each tighter style (standard → compact → dense) and returns the first that
     * fits one page: a template whose own variant is compact starts there.
     *
     * @throws ResumeTooLongException when even the dense style needs more than one page
     */
    public Rendered fit(ResumeDocument resume, Layout layout, ResumeTemplate.Style first) {
        int pages = 0;
        for (ResumeTemplate.Style style : ResumeTemplate.Style.values()) {
            if (style.compareTo(first) < 0) {
                continue;
            }
            Printed printed = print(resume, layout, style);
            pages = printed.pages();
            if (pages == 1) {
                return new Rendered(printed.pdf(), style);
            }
        }
        throw new ResumeTooLongException(pages);
    }

    /** The PDF in one given style, however many pages it takes. */
    public byte[] render(ResumeDocument resume, ResumeTemplate template, ResumeTemplate.Style style) {
        return render(resume, layout(template), style);
    }

    /** The PDF of a template given as data (a built-in's or a user's HTML and CSS) in one style. */
    public byte[] render(ResumeDocument resume, Layout layout, ResumeTemplate.Style style) {
        return print(resume, layout, style).pdf();
    }

    /**
     * One PDF and its page count, read off the document before it is saved (parsing the saved bytes again just to
     * count pages cost a few ms per step of the fitting).
     */
    private Printed print(ResumeDocument resume, Layout layout, ResumeTemplate.Style style) {
        Document html = html(resume, layout, style);
        Kit kit = kits.pollFirst();
        if (kit == null) {
            kit = new Kit(faces);
        }
        try {
            Printed printed = kit.print(html);
            if (kits.size() < MAX_IDLE_KITS) {
                kits.offerFirst(kit);
            }
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the resume PDF", e);
        }
    }

    /** The filled template: user text only ever as text nodes. */
    Document html(ResumeDocument resume, ResumeTemplate template, ResumeTemplate.Style style) {
        return html(resume, layout(template), style);
    }

    /**
     * The filled template: user text only ever as text nodes. The template's own CSS comes first and the style's
     * after it, so the style's sizes win and stepping to a tighter style always shrinks the page.
     */
    Document html(ResumeDocument resume, Layout layout, ResumeTemplate.Style style) {
        Document doc = Jsoup.parse(layout.html());
        if (layout.css() != null && !layout.css().isBlank()) {
            doc.head().appendElement("style").appendChild(new DataNode(layout.css()));
        }
        doc.head().appendElement("style").appendChild(new DataNode(styles.get(style)));
        ResumeDocument.Contact contact = resume.contact();
        doc.title(contact.name() + " — Resume");
        slot(doc, "name").text(contact.name());
        List<String> reach = new ArrayList<>();
        addIfPresent(reach, contact.location());
        addIfPresent(reach, contact.phone());
        addIfPresent(reach, contact.email());
        Element links = doc.selectFirst("[data-slot=links]");
        if (links != null) {
            slot(doc, "contact").text(String.join("  |  ", reach));
            links.text(String.join("  |  ", contact.links()));
        } else {
            reach.addAll(contact.links());
            slot(doc, "contact").text(String.join("  |  ", reach));
        }
        Element experience = slot(doc, "experience");
        for (ResumeDocument.Role role : resume.roles()) {
            Element entry = experience.appendElement("div").addClass("role");
            Element head = entry.appendElement("table").addClass("role-head").appendElement("tr");
            head.appendElement("td").addClass("role-title").text(role.title());
            head.appendElement("td").addClass("role-dates").text(period(role.start(), role.end()));
            String where = role.location() == null || role.location().isBlank() ? role.company()
                    : role.company() + "  |  " + role.location();
            entry.appendElement("div").addClass("role-company").text(where);
            Element bullets = entry.appendElement("ul").addClass("bullets");
            role.bullets().forEach(text -> bullets.appendElement("li").text(text));
        }
        Element skills = slot(doc, "skills");
        for (ResumeDocument.SkillsLine line : resume.skills()) {
            Element row = skills.appendElement("div").addClass("skill-category");
            row.appendElement("strong").text(line.category() + ": ");
            row.appendText(String.join(", ", line.skills()));
        }
        return doc;
    }

    static int pageCount(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("the renderer produced an unreadable PDF", e);
        }
    }

    private static String period(LocalDate start, LocalDate end) {
        return MONTH_YEAR.format(start) + " – " + (end == null ? "Present" : MONTH_YEAR.format(end));
    }

    private static Element slot(Document doc, String name) {
        Element slot = doc.selectFirst("[data-slot=" + name + "]");
        if (slot == null) {
            throw new IllegalStateException("template has no data-slot '" + name + "'");
        }
        return slot;
    }

    private static void addIfPresent(List<String> parts, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(value.strip());
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = ResumeRenderer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shipped template as data: its HTML (with its layout CSS inside) and no extra CSS. */
    public Layout layout(ResumeTemplate template) {
        return new Layout(templates.get(template), "");
    }

    /**
     * A template as data.
     *
     * @param html an HTML document with the {@code data-slot} elements {@code name}, {@code contact},
     *             {@code experience}, {@code skills} (and optionally {@code links})
     * @param css  more CSS 2.1, applied before the style's sizes; may be empty
     */
    public record Layout(String html, String css) {
    }

    /** @param style the style that made it fit on one page */
    public record Rendered(byte[] pdf, ResumeTemplate.Style style) {
    }

    private record Face(byte[] bytes, int weight, FontStyle style) {

        /**
         * Without glyph substitution: PDFBox would otherwise set Carlito's ligatures (tt, ti, ft), which PDF text
         * extraction - and so every ATS - reads as gaps ("cu ng" for "cutting").
         */
        TrueTypeFont parse() {
            try {
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
                ttf.setEnableGsub(false);
                return ttf;
            } catch (IOException e) {
                throw new UncheckedIOException("could not read a shipped Carlito face", e);
            }
        }
    }

    private record Printed(byte[] pdf, int pages) {
    }

    /**
     * What a render needs besides the document, made once and reused: the four Carlito faces parsed (parsing them
     * for every PDF was a tenth of a render) and jsoup's W3C converter (whose {@code DocumentBuilderFactory} lookup
     * scans the class path). A parsed {@link TrueTypeFont} is read lazily and keeps caches, so a kit serves one
     * render at a time; a {@link PDFont} belongs to one {@link PDDocument}, so each PDF gets its own, made from the
     * parsed face only when the text first uses it (a resume without bold italic never loads it).
     */
    private static final class Kit {

        private final List<Face> faces;
        private final List<TrueTypeFont> parsed;
        private final W3CDom w3c = new W3CDom();

        Kit(List<Face> faces) {
            this.faces = faces;
            this.parsed = faces.stream().map(Face::parse).toList();
        }

        Printed print(Document html) throws IOException {
            org.w3c.dom.Document dom = w3c.fromJsoup(html);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            try (PDDocument pdf = new PDDocument()) {
                PdfRendererBuilder builder = new PdfRendererBuilder();
                builder.useFastMode();
                builder.usePDDocument(pdf);
                for (int i = 0; i < faces.size(); i++) {
                    TrueTypeFont ttf = parsed.get(i);
                    // embedded as a subset; PDFBox leaves a TrueTypeFont passed in like this open when pdf closes
                    builder.useFont(new PDFontSupplier(null) {
                        private PDFont font;

                        @Override
                        public PDFont supply() {
                            if (font == null) {
                                try {
                                    font = PDType0Font.load(pdf, ttf, true);
                                } catch (IOException e) {
                                    throw new UncheckedIOException("could not load a Carlito face", e);
                                }
                            }
                            return font;
                        }
                    }, FONT_FAMILY, faces.get(i).weight(), faces.get(i).style(), true);
                }
                builder.withW3cDocument(dom, "classpath:/resume-templates/");
                builder.toStream(out);
                builder.run();
                return new Printed(out.toByteArray(), pdf.getNumberOfPages());
            }
        }
    }
}
