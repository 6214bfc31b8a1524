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
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    private final List<Face> faces;

    static {
        XRLog.setLoggerImpl(new Slf4jXRLogger());
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
    }

    /**
     * Renders in the standard style, then compact, then dense, and returns the first that fits one page.
     *
     * @throws ResumeTooLongException when even the dense style needs more than one page
     */
    public Rendered render(ResumeDocument resume, ResumeTemplate template) {
        int pages = 0;
        for (ResumeTemplate.Style style : ResumeTemplate.Style.values()) {
            byte[] pdf = render(resume, template, style);
            pages = pageCount(pdf);
            if (pages == 1) {
                return new Rendered(pdf, style);
            }
        }
        throw new ResumeTooLongException(pages);
    }

    /** The PDF in one given style, however many pages it takes. */
    public byte[] render(ResumeDocument resume, ResumeTemplate template, ResumeTemplate.Style style) {
        org.w3c.dom.Document dom = W3CDom.convert(html(resume, template, style));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PDDocument pdf = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(pdf);
            for (Face face : faces) {
                PDFont font = face.load(pdf);
                builder.useFont(new PDFontSupplier(font), FONT_FAMILY, face.weight(), face.style(), true);
            }
            builder.withW3cDocument(dom, "classpath:/resume-templates/");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the resume PDF", e);
        }
        return out.toByteArray();
    }

    /** The filled template: user text only ever as text nodes. */
    Document html(ResumeDocument resume, ResumeTemplate template, ResumeTemplate.Style style) {
        Document doc = Jsoup.parse(templates.get(template));
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

    /** @param style the style that made it fit on one page */
    public record Rendered(byte[] pdf, ResumeTemplate.Style style) {
    }

    private record Face(byte[] bytes, int weight, FontStyle style) {

        /**
         * Embedded as a subset, without glyph substitution: PDFBox would otherwise set Carlito's ligatures (tt, ti,
         * ft), which PDF text extraction - and so every ATS - reads as gaps ("cu ng" for "cutting").
         */
        PDFont load(PDDocument pdf) throws IOException {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            ttf.setEnableGsub(false);
            return PDType0Font.load(pdf, ttf, true);
        }
    }
}
