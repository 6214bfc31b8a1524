package org.jobsearch.resume.render;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * PDFBox's font mapper for this JVM: every font a PDF names without embedding it maps to the shipped Carlito, never
 * to a font installed on the machine.
 *
 * <p>Why: openhtmltopdf builds its store of the 14 standard PDF fonts (Courier, Times, Helvetica, Symbol,
 * ZapfDingbats) for every document, even when the CSS names only Carlito, and each standard font asks PDFBox's
 * default mapper for a system font to stand in for it. That mapper scans the system font directories once per JVM,
 * re-parses system TTFs whenever its soft-referenced cache was collected, and logs a WARN for Symbol on every render
 * when no Symbol font is installed. The stand-in is only ever used to draw glyph outlines (rasterising a page), which
 * this service never does: the renderer writes text with the embedded Carlito subsets, and a standard font's widths
 * come from PDFBox's own metrics, not from the stand-in. Carlito is therefore a safe, machine-independent answer, and
 * it is reported as no fallback so nothing is logged. resume-service uses PDFBox only to write and read back its own
 * resumes, so replacing the JVM-wide mapper changes nothing else.
 */
final class CarlitoFontMapper implements FontMapper {

    private final TrueTypeFont carlito;

    private CarlitoFontMapper(TrueTypeFont carlito) {
        this.carlito = carlito;
    }

    private static boolean installed;

    /**
     * Idempotent; called once when the renderer class loads. Never asks {@link FontMappers#instance()} first: that
     * alone would build the default mapper and scan the system fonts.
     */
    static synchronized void install() {
        if (!installed) {
            FontMappers.set(new CarlitoFontMapper(parseRegular()));
            installed = true;
        }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(carlito, false);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(carlito, false);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor fontDescriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, carlito, false);
    }

    private static TrueTypeFont parseRegular() {
        try (InputStream in = CarlitoFontMapper.class.getClassLoader()
                .getResourceAsStream("fonts/Carlito-Regular.ttf")) {
            if (in == null) {
                throw new IllegalStateException("missing resource fonts/Carlito-Regular.ttf");
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            // shared by every thread that builds a standard font: read what PDFBox asks of it now, while unshared
            ttf.getName();
            ttf.getFontMatrix();
            ttf.getFontBBox();
            return ttf;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the shipped Carlito", e);
        }
    }
}
